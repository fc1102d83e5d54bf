//! The API's routes under `/api/v1`, its OpenAPI description at
//! `/api/openapi.json`, and the app on every other path.

mod alerts;
mod cases;
mod customers;
mod demo;
mod devices;
mod enrolments;
mod events;
mod extract;
mod operator;
mod retry;
mod session;
mod settings;
mod transfers;

use crate::error::ApiError;
use crate::state::AppState;
use axum::extract::DefaultBodyLimit;
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use std::any::Any;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// The largest request body: a 200,000-row transfer, with room to spare.
pub const MAX_BODY: usize = 32 * 1024 * 1024;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "HP Workforce Experience Platform partner portal",
        version = "1",
        description = "The portal's API. Every route but sign-in and the demo ones acts as the user of the session cookie (`wxp_session`); errors are `{\"message\", \"reason\"}` JSON."
    ),
    servers((url = "/api/v1")),
    tags(
        (name = "session", description = "Signing in and out"),
        (name = "demo", description = "Demo mode only"),
        (name = "customers", description = "Customer dashboards"),
        (name = "devices", description = "PCs"),
        (name = "transfers", description = "Transfers and the Notification Center"),
        (name = "alerts", description = "Hardware alerts and repairs"),
        (name = "support", description = "Support cases"),
        (name = "live", description = "Live updates"),
        (name = "operator", description = "The operator's calls")
    )
)]
struct ApiDoc;

/// The API's routes, with their OpenAPI description.
pub fn api() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(
            session::current,
            session::sign_in,
            session::sign_out
        ))
        .routes(routes!(demo::accounts))
        .routes(routes!(demo::sign_in))
        .routes(routes!(demo::config))
        .routes(routes!(demo::reset))
        .routes(routes!(customers::list, customers::create))
        .routes(routes!(customers::one))
        .routes(routes!(customers::portfolio))
        .routes(routes!(settings::set_insights_collection))
        .routes(routes!(settings::set_self_service_alerts))
        .routes(routes!(enrolments::enrol))
        .routes(routes!(devices::unassigned))
        .routes(routes!(devices::of_customer))
        .routes(routes!(devices::locate))
        .routes(routes!(transfers::submit, transfers::list))
        .routes(routes!(transfers::one))
        .routes(routes!(transfers::notifications))
        .routes(routes!(transfers::mark_read))
        .routes(routes!(alerts::list, alerts::simulate))
        .routes(routes!(alerts::request_repair))
        .routes(routes!(alerts::repair_requests))
        .routes(routes!(alerts::schedule))
        .routes(routes!(cases::open, cases::list))
        .routes(routes!(events::stream))
        .routes(routes!(operator::ingest))
        .split_for_parts()
}

/// The OpenAPI description, as served at `/api/openapi.json`.
pub fn openapi() -> utoipa::openapi::OpenApi {
    api().1
}

async fn no_such_route(uri: Uri) -> ApiError {
    ApiError::NotFound(wxp_core::api::ErrorBody::no_such_route(uri.path()).message)
}

/// A method a route does not take: a JSON 405, as every other refusal.
async fn method_not_allowed(
    method: axum::http::Method,
    axum::extract::OriginalUri(uri): axum::extract::OriginalUri,
) -> ApiError {
    ApiError::BadRequest {
        status: StatusCode::METHOD_NOT_ALLOWED,
        message: wxp_core::api::ErrorBody::method_not_allowed(method.as_str(), uri.path()).message,
    }
}

/// One line per request, for the operator: method, path (without its
/// query), status and time taken. Nothing of the body or the cookie.
async fn access_log(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let (method, path) = (request.method().clone(), request.uri().path().to_owned());
    let started = std::time::Instant::now();
    let response = next.run(request).await;
    let status = response.status();
    let ms = started.elapsed().as_secs_f64() * 1e3;
    if status.is_server_error() {
        tracing::error!("{method} {path} {} {ms:.1} ms", status.as_u16());
    } else {
        tracing::info!("{method} {path} {} {ms:.1} ms", status.as_u16());
    }
    response
}

fn panic_response(_: Box<dyn Any + Send + 'static>) -> Response {
    ApiError::Internal("a handler panicked".to_owned()).into_response()
}

/// The whole server: the API, its description, and the app (if built).
pub fn router(state: AppState, app: Option<Router>) -> Router {
    let (api, description) = api();
    let description = serde_json::to_value(&description).expect("the description serialises");
    let api = api
        .fallback(no_such_route)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(axum::middleware::from_fn(retry::run_again))
        .with_state(state);
    let router = Router::new()
        .nest(wxp_core::api::API_BASE, api)
        .route(
            "/api/openapi.json",
            axum::routing::get(move || async move { axum::Json(description.clone()) }),
        )
        .route("/api/{*rest}", axum::routing::any(no_such_route))
        // The fastest level: a 100,000-PC list shrinks about tenfold either
        // way, and the best levels would cost more time than they save.
        .layer(CompressionLayer::new().quality(CompressionLevel::Fastest))
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(axum::middleware::from_fn(access_log));
    match app {
        Some(app) => router.fallback_service(app),
        None => router.fallback(|| async {
            (
                StatusCode::NOT_FOUND,
                "The app is not built: run trunk build.",
            )
        }),
    }
}
