//! The in-browser backend's state in IndexedDB: the one store a worker can
//! use (a worker has no local storage). Two values under fixed keys: the
//! engine's stored form (`wxp_core::store`) and the signed-in demo account.

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode,
    WorkerGlobalScope,
};

const DATABASE: &str = "wxp-portal";
const STORE: &str = "state";
const STATE: &str = "engine";
const SESSION: &str = "session";

/// What was stored: the engine's state and who was signed in.
#[derive(Debug, Default)]
pub struct Stored {
    pub state: Option<String>,
    pub session: Option<String>,
}

/// The open database.
#[derive(Clone)]
pub struct Storage {
    db: IdbDatabase,
}

/// Waits for `request` to succeed; answers its result.
async fn settled(request: &IdbRequest) -> Result<JsValue, String> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let on_success = {
            let request = request.clone();
            Closure::once_into_js(move || {
                let _ = resolve.call1(&JsValue::NULL, &request.result().unwrap_or(JsValue::NULL));
            })
        };
        let on_error = Closure::once_into_js(move |e: JsValue| {
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(describe)
}

impl Storage {
    /// Opens (creating it the first time) the backend's database.
    pub async fn open() -> Result<Storage, String> {
        let scope: WorkerGlobalScope = js_sys::global().unchecked_into();
        let factory = scope
            .indexed_db()
            .map_err(describe)?
            .ok_or("IndexedDB is not available")?;
        let request: IdbOpenDbRequest = factory.open_with_u32(DATABASE, 1).map_err(describe)?;
        let on_upgrade = {
            let request = request.clone();
            Closure::once_into_js(move || {
                if let Ok(db) = request.result() {
                    let db: IdbDatabase = db.unchecked_into();
                    let _ = db.create_object_store(STORE);
                }
            })
        };
        request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
        let db = settled(&request).await?;
        Ok(Storage {
            db: db.unchecked_into(),
        })
    }

    /// What is stored.
    pub async fn load(&self) -> Result<Stored, String> {
        let store = self
            .db
            .transaction_with_str(STORE)
            .and_then(|t| t.object_store(STORE))
            .map_err(describe)?;
        let state = settled(&store.get(&STATE.into()).map_err(describe)?).await?;
        let session = settled(&store.get(&SESSION.into()).map_err(describe)?).await?;
        Ok(Stored {
            state: state.as_string(),
            session: session.as_string(),
        })
    }

    /// Stores the engine's state and who is signed in. Writes to one store
    /// are applied in the order they were asked for; what was written is
    /// kept once the answered [`Commit`] settles.
    pub fn save(&self, state: Option<&str>, session: Option<&str>) -> Result<Commit, String> {
        let transaction = self
            .db
            .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
            .map_err(describe)?;
        let store = transaction.object_store(STORE).map_err(describe)?;
        if let Some(state) = state {
            store
                .put_with_key(&state.into(), &STATE.into())
                .map_err(describe)?;
        }
        match session {
            Some(user) => store.put_with_key(&user.into(), &SESSION.into()),
            None => store.delete(&SESSION.into()),
        }
        .map_err(describe)?;
        Ok(Commit(transaction))
    }
}

/// A write on its way to disk. IndexedDB reports success per request long
/// before the transaction is durable; only its `complete` event says the
/// data would survive the worker and every tab closing.
pub struct Commit(IdbTransaction);

impl Commit {
    /// Gives the write up, as the browser does when the disk is full.
    #[cfg(test)]
    fn abandon(&self) {
        self.0
            .abort()
            .expect("a transaction in flight can be aborted");
    }

    /// Waits until the write is kept, or says why it was not.
    pub async fn kept(self) -> Result<(), String> {
        let transaction = self.0;
        let promise = Promise::new(&mut |resolve: Function, reject: Function| {
            let on_complete = Closure::once_into_js(move || {
                let _ = resolve.call0(&JsValue::NULL);
            });
            let failed = {
                let transaction = transaction.clone();
                Closure::<dyn FnMut()>::new(move || {
                    let why = transaction
                        .error()
                        .map(|e| e.message())
                        .unwrap_or_else(|| "the browser abandoned the write".into());
                    let _ = reject.call1(&JsValue::NULL, &JsValue::from(why));
                })
                .into_js_value()
            };
            transaction.set_oncomplete(Some(on_complete.unchecked_ref()));
            transaction.set_onerror(Some(failed.unchecked_ref()));
            transaction.set_onabort(Some(failed.unchecked_ref()));
        });
        JsFuture::from(promise).await.map(drop).map_err(describe)
    }
}

/// A browser error in words.
pub fn describe(err: JsValue) -> String {
    err.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| err.as_string())
        .unwrap_or_else(|| format!("{err:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    // IndexedDB as the engine sees it: from a worker.
    wasm_bindgen_test_configure!(run_in_dedicated_worker);

    #[wasm_bindgen_test]
    async fn a_kept_write_is_what_the_next_start_loads() {
        let storage = Storage::open().await.unwrap();
        let commit = storage.save(Some("{\"v\":1}"), Some("ops@alpine")).unwrap();
        commit.kept().await.unwrap();

        let reopened = Storage::open().await.unwrap();
        let stored = reopened.load().await.unwrap();
        assert_eq!(stored.state.as_deref(), Some("{\"v\":1}"));
        assert_eq!(stored.session.as_deref(), Some("ops@alpine"));
    }

    #[wasm_bindgen_test]
    async fn an_abandoned_write_says_so_and_leaves_what_was_kept() {
        let storage = Storage::open().await.unwrap();
        storage
            .save(Some("kept"), None)
            .unwrap()
            .kept()
            .await
            .unwrap();

        let commit = storage.save(Some("lost"), Some("ops@alpine")).unwrap();
        commit.abandon();
        let why = commit.kept().await.unwrap_err();
        assert!(!why.is_empty());

        let stored = storage.load().await.unwrap();
        assert_eq!(stored.state.as_deref(), Some("kept"));
        assert_eq!(stored.session, None);
    }
}
