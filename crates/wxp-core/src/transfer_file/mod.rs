//! Transfer files: column A a serial number, column B the target Customer ID.
//!
//! Reading happens in two stages, as ripgrep reads its flags:
//!
//! 1. [`read`] turns the uploaded bytes into a [`TransferFile`]: rows as the
//!    user wrote them, with their line numbers, after detecting the encoding,
//!    the delimiter and a header row. Only what makes the whole file
//!    unreadable is an error here ([`FileError`]); a bad cell is kept, with
//!    what is wrong with it, for the next stage.
//! 2. [`review`] checks those rows against what the user's account holds
//!    (see [`Directory`]) and yields a [`Review`]: the target customer, the
//!    rows that can move, and every problem with its line and reason.
//!
//! The portal reads and reviews in its transfer worker, against
//! [`AccountFacts`] gathered before the file is chosen, and sends the page
//! the [`Verdict`] with the rest of the review in a compact form
//! ([`ReviewedFile`]).
//!
//! Rows are compact: a valid serial is an inline [`SerialNumber`] and the
//! Customer ID of a row is an index into the file's few distinct IDs, so a
//! 100,000-row file costs no allocation per row.

#[cfg(feature = "bench-files")]
pub mod bench_files;
mod decode;
mod error;
mod facts;
mod problem_rows;
mod raw;
mod review;
mod sample;
mod verdict;
pub mod wire;
#[cfg(feature = "xlsx")]
mod xlsx;

pub use decode::Encoding;
pub use error::FileError;
pub use facts::{decode_serials, encode_serials, is_tenant, json, AccountFacts, SourceFacts};
pub use problem_rows::{rows_with_problems, Problem, Reason};
pub use raw::{read, read_csv, Delimiter, FileRow, Format, SerialCell, TransferFile};
pub use review::{review, Directory, FileProblem, Place, Review, RowProblem, RowReason, ValidRow};
pub use sample::{problems_csv, SAMPLE_FILE, SAMPLE_FILE_NAME};
pub use verdict::{encode_reviewed, encode_unreadable, ReviewedFile, Verdict};
#[cfg(feature = "xlsx")]
pub use xlsx::read_xlsx;

/// The limits of a transfer file, stated in the dialog before upload and
/// enforced exactly as stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest file accepted, in bytes.
    pub max_bytes: usize,
    /// The most data rows (header and blank lines not counted).
    pub max_rows: usize,
}

impl Limits {
    /// The limits of the portal's Transfer Devices dialog.
    pub const TRANSFER: Limits = Limits {
        max_bytes: 10 * 1024 * 1024,
        max_rows: 100_000,
    };

    /// Limits large enough for benchmarks of a million rows.
    pub const BENCHMARK: Limits = Limits {
        max_bytes: 256 * 1024 * 1024,
        max_rows: 10_000_000,
    };
}
