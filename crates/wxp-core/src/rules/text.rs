//! Which characters, and how many, the texts the portal takes may hold.
//!
//! Names, e-mail addresses, identifiers, subjects and serial numbers are one
//! line of text; a support case's description may also break lines and hold
//! tabs. Everywhere, control characters are refused (NUL among them, which
//! PostgreSQL cannot store), and so are the invisible marks that reorder
//! text on screen (right-to-left and left-to-right marks, embeddings,
//! overrides and isolates): an override makes a name read as something it
//! is not, and none has a place in a company name or a subject. A password
//! is never stored or shown, so it may hold anything.
//!
//! The rule applies to what a client sends: [`check_json`] walks a request
//! body and names the first field that breaks it, by its JSON path
//! (`rows[41].serial`); the kind of text a field holds follows from its
//! name ([`kind_of_field`]). [`check_texts`] applies the same walk to a
//! typed request, as the request would travel.

use serde::Serialize;
use serde_json::Value;
use std::fmt;

/// What a text is for, which decides what it may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// One line: a name, an address, an identifier, a subject.
    Line,
    /// Lines of text (a description): tabs and line breaks are allowed.
    Lines,
    /// A password: never stored or shown, anything goes but the length.
    Secret,
}

impl TextKind {
    /// The most characters a text of this kind holds.
    pub fn max_chars(self) -> usize {
        match self {
            TextKind::Line | TextKind::Secret => 1_000,
            TextKind::Lines => 100_000,
        }
    }

    /// Whether a text of this kind may hold `c`.
    pub fn allows(self, c: char) -> bool {
        match self {
            TextKind::Secret => true,
            TextKind::Lines if matches!(c, '\n' | '\r' | '\t') => true,
            TextKind::Line | TextKind::Lines => oddity(c).is_none(),
        }
    }
}

/// Why a character is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Oddity {
    /// A control character (C0, DEL, C1), NUL included.
    Control,
    /// A mark that reorders text: LRM, RLM, ALM, an embedding, override or
    /// isolate.
    Bidi,
    /// A line or paragraph separator (U+2028, U+2029).
    Separator,
}

/// Why `c` has no place in a text a person reads, if it has none.
pub fn oddity(c: char) -> Option<Oddity> {
    match c {
        c if c.is_control() => Some(Oddity::Control),
        '\u{061C}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => Some(Oddity::Bidi),
        '\u{2028}' | '\u{2029}' => Some(Oddity::Separator),
        _ => None,
    }
}

/// What is wrong with a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextProblem {
    /// It holds a character its kind refuses, at this byte offset.
    Holds {
        /// The character.
        found: char,
        /// Where, in bytes from the start.
        at: usize,
    },
    /// It is longer than its kind takes.
    TooLong {
        /// Its length in characters.
        chars: usize,
        /// The most its kind takes.
        max: usize,
    },
}

impl fmt::Display for TextProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            TextProblem::Holds { found, .. } => {
                let what = match oddity(found) {
                    Some(Oddity::Control) => "a control character",
                    Some(Oddity::Bidi) => "an invisible mark that reorders text",
                    Some(Oddity::Separator) => "a line separator",
                    None => "a character",
                };
                write!(
                    f,
                    "holds U+{:04X}, {what}, which is not allowed there",
                    found as u32
                )
            }
            TextProblem::TooLong { chars, max } => {
                write!(f, "is {chars} characters long; at most {max} are taken")
            }
        }
    }
}

/// Whether `text` may be a text of `kind`.
pub fn check(kind: TextKind, text: &str) -> Result<(), TextProblem> {
    if let Some((at, found)) = text.char_indices().find(|&(_, c)| !kind.allows(c)) {
        return Err(TextProblem::Holds { found, at });
    }
    let max = kind.max_chars();
    // Bytes bound characters from above: count only when it may matter.
    if text.len() > max {
        let chars = text.chars().count();
        if chars > max {
            return Err(TextProblem::TooLong { chars, max });
        }
    }
    Ok(())
}

/// The kind of text a request field holds, by its name: a description is
/// lines of text, a password a secret, anything else one line.
pub fn kind_of_field(name: &str) -> TextKind {
    match name {
        "description" => TextKind::Lines,
        "password" => TextKind::Secret,
        _ => TextKind::Line,
    }
}

/// A field of a request that breaks the rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextError {
    /// The field's JSON path: `name`, `source.id`, `rows[41].serial`, `[0]`;
    /// empty for a body that is one string.
    pub field: String,
    /// What is wrong with it.
    pub problem: TextProblem,
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "the body {}", self.problem)
        } else {
            write!(f, "the field `{}` {}", self.field, self.problem)
        }
    }
}

impl std::error::Error for TextError {}

/// Checks every string of a request body, each as the kind of text its
/// field holds (an array's items as their array's field); the first that
/// breaks the rule is the error.
pub fn check_json(body: &Value) -> Result<(), TextError> {
    let mut path = Vec::new();
    walk(body, TextKind::Line, &mut path)
}

/// [`check_json`] over a typed request, as it travels as JSON.
pub fn check_texts<T: Serialize + ?Sized>(request: &T) -> Result<(), TextError> {
    match serde_json::to_value(request) {
        Ok(body) => check_json(&body),
        // Every request type serialises; one that does not holds no text.
        Err(_) => Ok(()),
    }
}

/// One step of a JSON path.
enum Step<'a> {
    Member(&'a str),
    Item(usize),
}

fn walk<'a>(value: &'a Value, kind: TextKind, path: &mut Vec<Step<'a>>) -> Result<(), TextError> {
    match value {
        Value::String(text) => check(kind, text).map_err(|problem| TextError {
            field: path_text(path),
            problem,
        }),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Step::Item(i));
                walk(item, kind, path)?;
                path.pop();
            }
            Ok(())
        }
        Value::Object(members) => {
            for (name, member) in members {
                path.push(Step::Member(name));
                walk(member, kind_of_field(name), path)?;
                path.pop();
            }
            Ok(())
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => Ok(()),
    }
}

fn path_text(path: &[Step]) -> String {
    let mut text = String::new();
    for step in path {
        match step {
            Step::Member(name) => {
                if !text.is_empty() {
                    text.push('.');
                }
                // The name is the client's: shown escaped, never raw.
                text.extend(name.escape_debug());
            }
            Step::Item(i) => text.push_str(&format!("[{i}]")),
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{NewCase, NewCustomer, SubmittedRow, TransferRequest};
    use crate::ids::{PartnerId, TenantId};
    use serde_json::json;

    #[test]
    fn one_line_refuses_controls_marks_and_separators() {
        for bad in [
            "Con\u{0}toso",
            "tab\there",
            "two\nlines",
            "cr\r",
            "del\u{7f}",
            "c1\u{85}",
            "esc\u{1b}[31m",
            "\u{202E}gnp.exe",
            "rlm\u{200F}",
            "lrm\u{200E}",
            "alm\u{061C}",
            "isolate\u{2067}x\u{2069}",
            "embed\u{202B}",
            "sep\u{2028}",
        ] {
            assert!(
                matches!(check(TextKind::Line, bad), Err(TextProblem::Holds { .. })),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn odd_but_harmless_text_is_data() {
        for good in [
            "O'Brien; Ltd",
            "'; DROP TABLE devices; --",
            "' OR '1'='1",
            "Ünïcödé Straße 東京 🚀",
            "עברית",
            "a\u{301}",
            "",
        ] {
            assert_eq!(check(TextKind::Line, good), Ok(()), "{good:?}");
        }
    }

    #[test]
    fn lines_allow_breaks_and_tabs_only() {
        assert_eq!(check(TextKind::Lines, "one\r\n\ttwo\n"), Ok(()));
        assert_eq!(
            check(TextKind::Lines, "one\n\u{0}"),
            Err(TextProblem::Holds {
                found: '\u{0}',
                at: 4
            })
        );
        assert!(check(TextKind::Lines, "\u{202E}").is_err());
    }

    #[test]
    fn a_secret_holds_anything_but_not_any_length() {
        assert_eq!(check(TextKind::Secret, "\u{0}\u{202E}\n"), Ok(()));
        assert_eq!(
            check(TextKind::Secret, &"x".repeat(1_001)),
            Err(TextProblem::TooLong {
                chars: 1_001,
                max: 1_000
            })
        );
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert_eq!(check(TextKind::Line, &"é".repeat(1_000)), Ok(()));
        assert!(check(TextKind::Line, &"é".repeat(1_001)).is_err());
        assert_eq!(check(TextKind::Lines, &"x\n".repeat(50_000)), Ok(()));
    }

    #[test]
    fn a_body_names_the_field_that_breaks_the_rule() {
        let error = |body: Value| check_json(&body).unwrap_err().to_string();
        assert_eq!(
            error(json!({ "name": "A\u{0}" })),
            "the field `name` holds U+0000, a control character, which is not allowed there"
        );
        assert!(
            error(json!({ "rows": [{ "serial": "ok" }, { "serial": "x\u{202E}" }] }))
                .starts_with("the field `rows[1].serial` holds U+202E, an invisible mark")
        );
        assert!(
            error(json!({ "source": { "kind": "holding", "id": "\u{7}" } }))
                .starts_with("the field `source.id` holds U+0007")
        );
        assert!(error(json!(["5CG1234ABC", "\u{1b}"])).starts_with("the field `[1]` holds"));
        assert!(error(json!("\u{0}")).starts_with("the body holds"));
        assert!(error(json!({ "n\"\u{0}": "\u{0}" })).starts_with(r#"the field `n\"\0` holds"#));
    }

    #[test]
    fn each_field_is_checked_as_its_kind() {
        assert_eq!(
            check_json(&json!({ "subject": "Hi", "description": "a\n\tb", "serials": [] })),
            Ok(())
        );
        assert!(check_json(&json!({ "subject": "a\nb" })).is_err());
        assert_eq!(
            check_json(&json!({ "email": "a@b.example", "password": "\u{0}" })),
            Ok(())
        );
        assert_eq!(check_json(&json!({ "n": 1, "b": true, "x": null })), Ok(()));
    }

    #[test]
    fn typed_requests_are_checked_as_they_travel() {
        let customer = NewCustomer {
            name: "Contoso\u{202E}".into(),
            country: "Italy".into(),
            admin_email: "it@contoso.example".into(),
        };
        assert_eq!(check_texts(&customer).unwrap_err().field, "name");
        let case = NewCase {
            subject: "PCs".into(),
            description: "line one\nline two".into(),
            serials: vec!["5CG1234ABC".into()],
        };
        assert_eq!(check_texts(&case), Ok(()));
        let transfer = TransferRequest {
            key: "k".into(),
            source: TenantId::Holding(PartnerId("PRT-ALPINE".into())),
            rows: vec![SubmittedRow {
                serial: "5CG\u{0}".into(),
                customer: "CUS-00000001".into(),
            }],
        };
        assert_eq!(check_texts(&transfer).unwrap_err().field, "rows[0].serial");
    }
}
