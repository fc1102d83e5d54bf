//! Request bodies taken apart: every value with its path, named as the
//! server names a field (`rows[0].serial`), and put back with one value
//! replaced.

use serde_json::{json, Value};

/// One step of a JSON path.
#[derive(Debug, Clone)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// Every value of `root` with its path, the root first.
pub fn nodes(root: &Value) -> Vec<(Vec<Step>, &Value)> {
    fn walk<'a>(v: &'a Value, path: &mut Vec<Step>, out: &mut Vec<(Vec<Step>, &'a Value)>) {
        out.push((path.clone(), v));
        match v {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    path.push(Step::Index(i));
                    walk(item, path, out);
                    path.pop();
                }
            }
            Value::Object(members) => {
                for (k, member) in members {
                    path.push(Step::Key(k.clone()));
                    walk(member, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(root, &mut Vec::new(), &mut out);
    out
}

/// The path as the server names a field: `rows[0].serial`, `[0]`.
pub fn field(path: &[Step]) -> String {
    let mut text = String::new();
    for step in path {
        match step {
            Step::Key(k) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(k);
            }
            Step::Index(i) => text.push_str(&format!("[{i}]")),
        }
    }
    text
}

/// `root` with the value at `path` replaced.
pub fn replaced(root: &Value, path: &[Step], new: Value) -> Value {
    let mut copy = root.clone();
    let mut at = &mut copy;
    for step in path {
        at = match step {
            Step::Key(k) => &mut at[k.as_str()],
            Step::Index(i) => &mut at[*i],
        };
    }
    *at = new;
    copy
}

/// Values of every other JSON type than `value`'s; for a number, numbers
/// that fit no field's type (a negative, a fraction, one beyond u64).
pub fn other_types(value: &Value) -> Vec<Value> {
    let mut others: Vec<Value> = [
        json!(null),
        json!(true),
        json!(0),
        json!("text"),
        json!([]),
        json!({}),
    ]
    .into_iter()
    .filter(|o| std::mem::discriminant(o) != std::mem::discriminant(value))
    .collect();
    if value.is_number() {
        others.extend([json!(-1), json!(1.5), json!(1e300)]);
    }
    others
}

/// The string fields of a body: (path, value).
pub fn texts(body: &Value) -> Vec<(Vec<Step>, String)> {
    nodes(body)
        .into_iter()
        .filter_map(|(path, v)| Some((path, v.as_str()?.to_owned())))
        .collect()
}

pub fn json_bytes(v: &Value) -> Vec<u8> {
    serde_json::to_vec(v).unwrap()
}

/// The name of the field at `path`: an array's for its items.
pub fn name_of(path: &[Step]) -> &str {
    path.iter()
        .rev()
        .find_map(|s| match s {
            Step::Key(k) => Some(k.as_str()),
            Step::Index(_) => None,
        })
        .unwrap_or_default()
}
