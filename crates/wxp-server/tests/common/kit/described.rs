//! The API's operations as the server describes them at `/api/openapi.json`:
//! what the isolation matrix and the hostile-input tests walk, so that a new
//! route cannot be left out of either.

use crate::common::{client, get, TestServer};
use reqwest::StatusCode;
use std::collections::BTreeSet;

/// One operation of the API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operation {
    /// `GET`, `POST`, …
    pub method: String,
    /// Below `/api/v1`, with its parameters: `/customers/{id}`.
    pub path: String,
    /// The names of its path parameters, in order.
    pub params: Vec<String>,
    /// The content type of its request body, if it takes one.
    pub body: Option<String>,
}

impl Operation {
    /// `GET /customers/{id}`: how the tests' tables name it.
    pub fn route(&self) -> String {
        format!("{} {}", self.method, self.path)
    }
}

const METHODS: [&str; 5] = ["get", "post", "put", "delete", "patch"];

/// Every operation the served description lists.
pub async fn operations(server: &TestServer) -> Vec<Operation> {
    let (status, served) = get(&client(), server.url("/api/openapi.json")).await;
    assert_eq!(status, StatusCode::OK, "the description is served");
    let mut found = Vec::new();
    for (path, item) in served["paths"].as_object().expect("paths") {
        for method in METHODS {
            let Some(operation) = item.get(method) else {
                continue;
            };
            let params = operation["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|p| p["in"] == "path")
                .map(|p| p["name"].as_str().expect("a named parameter").to_owned())
                .collect();
            let body = operation["requestBody"]["content"]
                .as_object()
                .and_then(|content| content.keys().next().cloned());
            found.push(Operation {
                method: method.to_uppercase(),
                path: path.clone(),
                params,
                body,
            });
        }
    }
    assert!(found.len() > 20, "the description lists the API: {served}");
    found
}

/// Fails unless `table` has an entry for every described operation, and
/// names none that is not described (a route renamed or removed).
pub fn assert_covers(operations: &[Operation], table: &[String], what: &str) {
    let described: BTreeSet<String> = operations.iter().map(Operation::route).collect();
    let covered: BTreeSet<String> = table.iter().cloned().collect();
    let missing: Vec<&String> = described.difference(&covered).collect();
    let stale: Vec<&String> = covered.difference(&described).collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "{what}: routes without a case: {missing:?}; cases of no route: {stale:?}"
    );
}
