//! The in-browser backend's state in IndexedDB: the one store a worker can
//! use (a worker has no local storage). Two values under fixed keys: the
//! engine's stored form (`wxp_core::store`) and the signed-in demo account.

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransactionMode, WorkerGlobalScope};

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
    /// are applied in the order they were asked for.
    pub fn save(&self, state: Option<&str>, session: Option<&str>) -> Result<(), String> {
        let store = self
            .db
            .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
            .and_then(|t| t.object_store(STORE))
            .map_err(describe)?;
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
        Ok(())
    }
}

/// A browser error in words.
pub fn describe(err: JsValue) -> String {
    err.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| err.as_string())
        .unwrap_or_else(|| format!("{err:?}"))
}
