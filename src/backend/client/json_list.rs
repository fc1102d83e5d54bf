//! A long JSON array (100,000 PCs, 14 MB) decoded a slice at a time, with
//! the page handling input and painting in between, instead of in one task
//! of 100 ms and more.
//!
//! [`Slices`] finds where the array's elements end without decoding them
//! (minding strings and nesting); each slice of elements is then decoded by
//! serde_json as an array of its own.

use serde::de::DeserializeOwned;

/// How many elements one slice holds: about 10 ms of decoding for PCs.
pub const PER_SLICE: usize = 5_000;

/// The elements of a JSON array's text, `per_slice` at a time, each slice
/// written as an array of its own (`[a,b,…]`). The text is checked only as
/// far as finding the elements needs: decoding a slice finds the rest.
pub struct Slices<'a> {
    text: &'a str,
    /// Where the next slice starts (just past `[` or a `,`).
    at: usize,
    per_slice: usize,
    done: bool,
}

impl<'a> Slices<'a> {
    /// The slices of `text`, which must be a JSON array (surrounding
    /// whitespace allowed); anything else is one slice, for the decoder to
    /// say what is wrong with it.
    pub fn new(text: &'a str, per_slice: usize) -> Slices<'a> {
        let trimmed = text.trim_start();
        let start = text.len() - trimmed.len();
        match trimmed.strip_prefix('[') {
            Some(_) => Slices {
                text,
                at: start + 1,
                per_slice: per_slice.max(1),
                done: false,
            },
            // Not an array: handed over whole.
            None => Slices {
                text,
                at: 0,
                per_slice: usize::MAX,
                done: false,
            },
        }
    }
}

impl Iterator for Slices<'_> {
    type Item = String;

    fn next(&mut self) -> Option<String> {
        if self.done {
            return None;
        }
        if self.per_slice == usize::MAX {
            self.done = true;
            return Some(self.text.to_owned());
        }
        let bytes = self.text.as_bytes();
        let (mut depth, mut in_string, mut escaped, mut elements) = (0usize, false, false, 0);
        let mut i = self.at;
        while i < bytes.len() {
            let b = bytes[i];
            if in_string {
                match (escaped, b) {
                    (true, _) => escaped = false,
                    (false, b'\\') => escaped = true,
                    (false, b'"') => in_string = false,
                    _ => {}
                }
            } else {
                match b {
                    b'"' => in_string = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' if depth > 0 => depth -= 1,
                    // The array's own end: the last slice.
                    b']' => {
                        self.done = true;
                        // Anything but whitespace after it is for the
                        // decoder to refuse.
                        let rest = self.text[i + 1..].trim();
                        return Some(format!("[{}]{rest}", &self.text[self.at..i]));
                    }
                    b',' if depth == 0 => {
                        elements += 1;
                        if elements == self.per_slice {
                            let slice = format!("[{}]", &self.text[self.at..i]);
                            self.at = i + 1;
                            return Some(slice);
                        }
                    }
                    _ => {}
                }
            }
            i += 1;
        }
        // No end: the decoder says the text is cut short.
        self.done = true;
        Some(format!("[{}", &self.text[self.at..]))
    }
}

/// Decodes a JSON array of `T`, a slice at a time, calling `between`
/// between slices (to let the page breathe).
pub async fn decode<T, F, Fut>(
    text: &str,
    per_slice: usize,
    mut between: F,
) -> serde_json::Result<Vec<T>>
where
    T: DeserializeOwned,
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let mut items = Vec::new();
    for (n, slice) in Slices::new(text, per_slice).enumerate() {
        if n > 0 {
            between().await;
        }
        items.extend(serde_json::from_str::<Vec<T>>(&slice)?);
    }
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn slices(text: &str, per: usize) -> Vec<String> {
        Slices::new(text, per).collect()
    }

    fn decoded(text: &str, per: usize) -> serde_json::Result<Vec<serde_json::Value>> {
        futures::executor::block_on(decode(text, per, || async {}))
    }

    #[test]
    fn elements_are_cut_between_slices_never_inside_strings_or_objects() {
        let text = r#" [{"a":"x,y]"},{"b":[1,2]},"q\"],",3 ,{"c":{}}] "#;
        assert_eq!(
            slices(text, 2),
            [
                r#"[{"a":"x,y]"},{"b":[1,2]}]"#,
                r#"["q\"],",3 ]"#,
                r#"[{"c":{}}]"#
            ]
        );
        let whole: Vec<serde_json::Value> = serde_json::from_str(text).unwrap();
        for per in 1..6 {
            assert_eq!(decoded(text, per).unwrap(), whole, "{per} per slice");
        }
    }

    #[test]
    fn empty_arrays_and_exact_multiples_decode() {
        assert!(decoded("[]", 3).unwrap().is_empty());
        assert_eq!(decoded("[1,2,3,4]", 2).unwrap().len(), 4);
        assert_eq!(decoded("[1,2,3,4]", 4).unwrap().len(), 4);
    }

    #[test]
    fn what_is_not_a_whole_array_is_an_error_not_a_partial_list() {
        for bad in ["[1,2,3", r#"{"a":1}"#, "[1,,2]", "[1,2]x", "", r#"["open]"#] {
            assert!(decoded(bad, 2).is_err(), "{bad:?} was accepted");
        }
    }
}
