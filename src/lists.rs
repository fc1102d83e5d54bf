//! Lists a user types or pastes into a box: one item per line, as the
//! labels say, or cells pasted from a spreadsheet.

/// The items of `text`: one per line, also split at tabs, commas and
/// semicolons (a row or column pasted from a spreadsheet, a list from an
/// e-mail), each trimmed, empty ones left out. Spaces do not split: "bad
/// serial" is one item, reported as what it is.
pub fn items(text: &str) -> Vec<String> {
    text.split(['\n', '\r', '\t', ',', ';'])
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn one_item_per_line_and_per_pasted_cell() {
        assert_eq!(
            items("5CG1234ABC\r\n bad serial \n\n8CG0000001\t2UA0000002;CND0000003, 5CG0000004\n"),
            [
                "5CG1234ABC",
                "bad serial",
                "8CG0000001",
                "2UA0000002",
                "CND0000003",
                "5CG0000004"
            ]
        );
        assert!(items(" \n\t; ,").is_empty());
    }
}
