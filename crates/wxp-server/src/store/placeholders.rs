//! Numbered parameters for statements whose length depends on the data (a
//! chunk of PCs, a list of lines).
//!
//! sqlx's `QueryBuilder` writes `?` placeholders when it does not know the
//! database, which PostgreSQL does not read; `$1`-style numbers are read by
//! both, so the lists are written here.

use std::fmt::Write;

/// `$first, $first+1, …`: `count` numbered parameters.
pub fn list(first: usize, count: usize) -> String {
    let mut out = String::with_capacity(count * 6);
    for n in first..first + count {
        if n > first {
            out.push_str(", ");
        }
        let _ = write!(out, "${n}");
    }
    out
}

/// `($1, $2), ($3, $4), …`: `rows` tuples of `width` numbered parameters.
pub fn rows(rows: usize, width: usize) -> String {
    (0..rows)
        .map(|row| format!("({})", list(1 + row * width, width)))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_numbered_from_where_they_start() {
        assert_eq!(list(1, 3), "$1, $2, $3");
        assert_eq!(list(5, 1), "$5");
        assert_eq!(list(2, 0), "");
    }

    #[test]
    fn rows_number_their_values_in_order() {
        assert_eq!(rows(2, 3), "($1, $2, $3), ($4, $5, $6)");
    }
}
