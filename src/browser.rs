//! The few browser services the app uses: local storage, the clipboard and
//! file downloads.

use wasm_bindgen::{JsCast, JsValue};

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored value of `key`, if any.
pub fn storage_get(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Stores `value` under `key`. Returns why not, e.g. when storage is full
/// or disabled.
pub fn storage_set(key: &str, value: &str) -> Result<(), String> {
    let storage = local_storage().ok_or("local storage is not available")?;
    storage.set_item(key, value).map_err(describe)
}

/// Removes `key` from storage.
pub fn storage_remove(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}

/// Puts `text` on the clipboard.
pub async fn copy_to_clipboard(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(describe)
}

/// Lets the page handle input and paint before going on: long work split
/// at these points never blocks the page for long (a task posted with a
/// zero timeout runs after what is pending).
pub async fn yield_to_page() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Offers `contents` as a file download named `file_name`.
pub fn download(file_name: &str, mime: &str, contents: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(describe)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(describe)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(describe)?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url).map_err(describe)
}

/// Offers CSV text as a download, with a byte-order mark so that Excel
/// reads it as UTF-8.
pub fn download_csv(file_name: &str, csv: &str) -> Result<(), String> {
    download(
        file_name,
        "text/csv;charset=utf-8",
        &format!("\u{FEFF}{csv}"),
    )
}

fn describe(err: JsValue) -> String {
    err.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| err.as_string())
        .unwrap_or_else(|| format!("{err:?}"))
}

/// Whether the page is hidden (a background tab, a minimised window).
pub fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

/// Loads the page again, as the browser's reload button does.
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// What a JS error says: an `Error`'s or an `ErrorEvent`'s message, a
/// thrown string, or else how the value prints.
pub fn describe_js_error(err: JsValue) -> String {
    err.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| err.dyn_ref::<web_sys::ErrorEvent>().map(|e| e.message()))
        .or_else(|| err.as_string())
        .unwrap_or_else(|| format!("{err:?}"))
}

/// The text at `url` on the page's own origin, revalidated with the server
/// (the file's name does not change with its contents), or why not. The
/// request is sent at once, not when the answer is first awaited.
pub fn fetch_text(url: &str) -> impl std::future::Future<Output = Result<String, String>> {
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let sent = web_sys::window()
        .ok_or_else(|| "there is no window".to_owned())
        .map(|window| {
            wasm_bindgen_futures::JsFuture::from(window.fetch_with_str_and_init(url, &init))
        });
    async move {
        let failed = describe_js_error;
        let response: web_sys::Response = sent?.await.map_err(failed)?.unchecked_into();
        if !response.ok() {
            return Err(format!("the server answered {}", response.status()));
        }
        let text = response.text().map_err(failed)?;
        let text = wasm_bindgen_futures::JsFuture::from(text)
            .await
            .map_err(failed)?;
        text.as_string()
            .ok_or_else(|| "the answer is not text".to_owned())
    }
}

/// Adds the style sheet at `href` to the page, once, and waits until it
/// applies, or says why not. A sheet that fails to load is taken out again,
/// so that the next call tries anew.
pub async fn load_style_sheet(href: &str) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| "there is no document".to_owned())?;
    let failed = describe_js_error;
    let existing = document
        .query_selector(&format!("link[rel=\"stylesheet\"][href=\"{href}\"]"))
        .map_err(failed)?;
    let link: web_sys::HtmlLinkElement = match existing {
        Some(link) => link.unchecked_into(),
        None => {
            let link: web_sys::HtmlLinkElement = document
                .create_element("link")
                .map_err(failed)?
                .unchecked_into();
            link.set_rel("stylesheet");
            link.set_href(href);
            document
                .head()
                .ok_or("the page has no head")?
                .append_child(&link)
                .map_err(failed)?;
            link
        }
    };
    if link.sheet().is_some() {
        return Ok(());
    }
    // Whichever comes, `load` or `error`, settles it. Several callers may
    // wait on one link, each with listeners of its own.
    let settled = js_sys::Promise::new(&mut |loaded, failed| {
        let _ = link.add_event_listener_with_callback("load", &loaded);
        let _ = link.add_event_listener_with_callback("error", &failed);
    });
    if wasm_bindgen_futures::JsFuture::from(settled).await.is_ok() {
        Ok(())
    } else {
        link.remove();
        Err(format!("the style sheet {href} could not be loaded"))
    }
}
