//! Many requests at once: the hostile-input tests send thousands, each
//! answered on its own.

use std::future::Future;

/// Runs `futures` sixteen at a time; answers their outputs in order.
pub async fn concurrently<F: Future>(futures: Vec<F>) -> Vec<F::Output> {
    let mut outputs = Vec::with_capacity(futures.len());
    let mut rest = futures.into_iter().peekable();
    while rest.peek().is_some() {
        let chunk: Vec<F> = rest.by_ref().take(16).collect();
        outputs.extend(futures_util::future::join_all(chunk).await);
    }
    outputs
}
