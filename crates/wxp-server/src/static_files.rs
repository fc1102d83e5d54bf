//! The built app, served on the API's origin.
//!
//! Assets are compressed once, when the server starts, into `.br` and `.gz`
//! files beside them (only where those are missing or older), and served
//! precompressed to browsers that accept them. Every other path that is not
//! a file gets `index.html`, so deep links work; `index.html` names the API
//! base, so the page uses the server and not its in-browser backend.

use axum::handler::HandlerWithoutStateExt;
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::response::{Html, IntoResponse, Response};
use axum::Router;
use std::io::Write;
use std::path::{Path, PathBuf};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

/// The `<meta>` tag of `index.html` that selects the backend, by its name
/// as written (`name="wxp-api-base"`) or as a release build minifies it
/// (`name=wxp-api-base`).
const API_META_NAMES: [&str; 2] = [r#"name="wxp-api-base""#, "name=wxp-api-base"];

/// Writes `file.br` and `file.gz` beside every compressible file of `dir`
/// that lacks an up-to-date one.
pub fn precompress(dir: &Path) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            precompress(&path)?;
            continue;
        }
        let compressible = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("wasm" | "js" | "css" | "html" | "svg" | "json" | "txt" | "ftl")
        );
        if !compressible {
            continue;
        }
        let modified = std::fs::metadata(&path)?.modified()?;
        let raw = std::fs::read(&path)?;
        let fresh = |suffix: &str| {
            std::fs::metadata(with_suffix(&path, suffix))
                .and_then(|m| m.modified())
                .is_ok_and(|m| m >= modified)
        };
        if !fresh("br") {
            let mut out = Vec::new();
            let params = brotli::enc::BrotliEncoderParams {
                quality: 11,
                lgwin: 22,
                ..Default::default()
            };
            brotli::BrotliCompress(&mut raw.as_slice(), &mut out, &params)?;
            std::fs::write(with_suffix(&path, "br"), out)?;
        }
        if !fresh("gz") {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            gz.write_all(&raw)?;
            std::fs::write(with_suffix(&path, "gz"), gz.finish()?)?;
        }
    }
    Ok(())
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

/// `index.html` with the API base filled in, or an error saying the page
/// has no `wxp-api-base` meta tag to fill (it would then run its in-browser
/// backend, silently ignoring the server).
pub fn index_html(dir: &Path) -> std::io::Result<String> {
    let html = std::fs::read_to_string(dir.join("index.html"))?;
    let missing = || {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "{} has no <meta name=\"wxp-api-base\" content=\"\"> to fill in",
                dir.join("index.html").display()
            ),
        )
    };
    let name = API_META_NAMES
        .iter()
        .find_map(|name| html.find(name))
        .ok_or_else(missing)?;
    let tag_start = html[..name].rfind('<').ok_or_else(missing)?;
    let tag_end = tag_start + html[tag_start..].find('>').ok_or_else(missing)? + 1;
    let api = format!(
        r#"<meta name="wxp-api-base" content="{}" />"#,
        wxp_core::api::API_BASE
    );
    Ok(format!("{}{api}{}", &html[..tag_start], &html[tag_end..]))
}

/// The app's routes: its files, and `index.html` for every other path that
/// names no file (a deep link). `index.html` is read at each request, so a
/// rebuilt app is served whole, never an old page naming files that are
/// gone; a missing file (a path with an extension) is a 404, not a page.
pub fn router(dir: &Path) -> std::io::Result<Router> {
    index_html(dir)?;
    let page = {
        let dir = dir.to_owned();
        move |uri: Uri| {
            let dir = dir.clone();
            async move { page(&dir, &uri) }
        }
    };
    let files = ServeDir::new(dir)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(false)
        .fallback(page.clone().into_service());
    Ok(Router::new()
        .route("/", axum::routing::get(page.clone()))
        .route("/index.html", axum::routing::get(page))
        .fallback_service(files)
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        )))
}

fn page(dir: &Path, uri: &Uri) -> Response {
    let last = uri.path().rsplit('/').next().unwrap_or_default();
    if last.contains('.') && last != "index.html" {
        let missing =
            wxp_core::api::ErrorBody::not_found(format!("there is no file {}", uri.path()));
        return (StatusCode::NOT_FOUND, axum::Json(missing)).into_response();
    }
    match index_html(dir) {
        Ok(index) => {
            let mut response = Html(index).into_response();
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            response
        }
        Err(e) => {
            tracing::error!("the app's page cannot be read: {e}");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "The portal's page is being rebuilt or is missing; try again in a moment.",
            )
                .into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precompression_writes_br_and_gz_beside_assets_only() {
        let dir = std::env::temp_dir().join(format!("wxp-precompress-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("app.js"), "console.log('hi');".repeat(100)).unwrap();
        std::fs::write(dir.join("photo.png"), [0u8; 10]).unwrap();
        precompress(&dir).unwrap();
        assert!(dir.join("app.js.br").exists() && dir.join("app.js.gz").exists());
        assert!(!dir.join("photo.png.br").exists());
        let br = std::fs::metadata(dir.join("app.js.br")).unwrap().len();
        assert!(br < 200, "{br} bytes");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn index_names_the_api_base() {
        let dir = std::env::temp_dir().join(format!("wxp-index-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("index.html"),
            r#"<head><meta charset="utf-8"><meta name="wxp-api-base" content=""></head>"#,
        )
        .unwrap();
        assert_eq!(
            index_html(&dir).unwrap(),
            r#"<head><meta charset="utf-8"><meta name="wxp-api-base" content="/api/v1" /></head>"#
        );
        // As trunk minifies it in a release build.
        std::fs::write(
            dir.join("index.html"),
            "<meta charset=utf-8><meta name=wxp-api-base><title>WXP</title>",
        )
        .unwrap();
        assert_eq!(
            index_html(&dir).unwrap(),
            r#"<meta charset=utf-8><meta name="wxp-api-base" content="/api/v1" /><title>WXP</title>"#
        );
        std::fs::write(dir.join("index.html"), "<head></head>").unwrap();
        assert!(index_html(&dir)
            .unwrap_err()
            .to_string()
            .contains("wxp-api-base"));
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn deep_links_get_the_page_and_missing_files_a_404() {
        let dir = std::env::temp_dir().join(format!("wxp-page-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("index.html"),
            r#"<meta name="wxp-api-base" content="">"#,
        )
        .unwrap();
        let deep = page(
            &dir,
            &"/customers/CUS-00000001/devices/pcs".parse().unwrap(),
        );
        assert_eq!(deep.status(), StatusCode::OK);
        let gone = page(&dir, &"/wxp-portal-0123_bg.wasm".parse().unwrap());
        assert_eq!(gone.status(), StatusCode::NOT_FOUND);
        std::fs::remove_file(dir.join("index.html")).unwrap();
        let rebuilding = page(&dir, &"/all".parse().unwrap());
        assert_eq!(rebuilding.status(), StatusCode::SERVICE_UNAVAILABLE);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
