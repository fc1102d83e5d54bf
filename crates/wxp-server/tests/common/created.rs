//! Naming what a scenario created, so that two backends' answers compare.

use serde_json::Value;

/// Customer IDs and cPINs are issued at random by the server and from the
/// log by the engine: the customers a scenario creates are named by the
/// order they were created in, on both sides, wherever they are named
/// (messages too), and so are their IT Admins.
pub fn name_created(v: &mut Value, created: &[String]) {
    match v {
        Value::String(text) => {
            for (i, id) in created.iter().enumerate() {
                *text = text
                    .replace(
                        &format!("u-{}", id.to_lowercase()),
                        &format!("u-CREATED-{i}"),
                    )
                    .replace(id, &format!("CREATED-{i}"));
            }
        }
        Value::Object(map) => {
            map.values_mut().for_each(|v| name_created(v, created));
            let is_created = map
                .get("id")
                .and_then(Value::as_str)
                .is_some_and(|id| id.starts_with("CREATED-"));
            if is_created && map.contains_key("cpin") {
                map.insert("cpin".into(), Value::from("ISSUED"));
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| name_created(v, created)),
        _ => {}
    }
}
