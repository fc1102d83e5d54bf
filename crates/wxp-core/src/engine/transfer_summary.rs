//! A transfer job as the lists show it: its state and counts, without its
//! rows. The partner's Transfers list and the Notification Center read
//! these; a job's rows and Summary come with the job alone
//! (`GET /transfers/{id}`), when the user asks for them. A list of jobs
//! therefore stays small however many PCs they moved.

use super::{JobId, JobState, RowResult, SubmittedRow, TransferJob};
use crate::date::Timestamp;
use crate::ids::{CustomerId, PartnerId, TenantId, UserId};
use serde::{Deserialize, Serialize};

/// A transfer job without its rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransferSummary {
    /// Its number.
    pub id: JobId,
    /// The client's idempotency key.
    pub key: String,
    /// Who submitted it.
    pub user: UserId,
    /// The partner it belongs to.
    pub partner: PartnerId,
    /// Where the PCs come from.
    pub source: TenantId,
    /// The source's name ("Unassigned Devices" or the customer's name).
    pub source_name: String,
    /// The target customer.
    pub target: CustomerId,
    /// Its name.
    pub target_name: String,
    /// Where the job is.
    pub state: JobState,
    /// When it was submitted.
    pub submitted_at: Timestamp,
    /// When it completed.
    pub completed_at: Option<Timestamp>,
    /// Whether the submitter opened its notification.
    pub read: bool,
    /// Rows submitted.
    pub rows: u64,
    /// Rows that moved (0 until it completes).
    pub succeeded: u64,
    /// Rows that did not (0 until it completes).
    pub failed: u64,
}

impl TransferJob {
    /// The job without its rows.
    pub fn summary(&self) -> TransferSummary {
        TransferSummary {
            id: self.id,
            key: self.key.clone(),
            user: self.user.clone(),
            partner: self.partner.clone(),
            source: self.source.clone(),
            source_name: self.source_name.clone(),
            target: self.target.clone(),
            target_name: self.target_name.clone(),
            state: self.state,
            submitted_at: self.submitted_at,
            completed_at: self.completed_at,
            read: self.read,
            rows: self.rows.len() as u64,
            succeeded: self.succeeded() as u64,
            failed: self.failed() as u64,
        }
    }

    /// A job from its summary, its rows as submitted and their results
    /// (none until it completes); the summary's counts are not kept, they
    /// follow from the rows.
    pub fn from_summary(
        summary: TransferSummary,
        rows: Vec<SubmittedRow>,
        results: Vec<RowResult>,
    ) -> TransferJob {
        TransferJob {
            id: summary.id,
            key: summary.key,
            user: summary.user,
            partner: summary.partner,
            source: summary.source,
            source_name: summary.source_name,
            target: summary.target,
            target_name: summary.target_name,
            rows,
            state: summary.state,
            submitted_at: summary.submitted_at,
            completed_at: summary.completed_at,
            results,
            read: summary.read,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::RowState;

    fn job(results: &[RowState]) -> TransferJob {
        let row = |i: usize| SubmittedRow {
            serial: format!("5CG00000{i:02}"),
            customer: "CUST-1".into(),
        };
        TransferJob {
            id: JobId(7),
            key: "k".into(),
            user: UserId("u".into()),
            partner: PartnerId("p".into()),
            source: TenantId::Holding(PartnerId("p".into())),
            source_name: "Unassigned Devices".into(),
            target: CustomerId("CUST-1".into()),
            target_name: "Contoso Ltd".into(),
            rows: (0..3).map(row).collect(),
            state: if results.is_empty() {
                JobState::Queued
            } else {
                JobState::Completed
            },
            submitted_at: Timestamp(1),
            completed_at: None,
            results: results
                .iter()
                .map(|&state| RowResult {
                    state,
                    description: String::new(),
                })
                .collect(),
            read: false,
        }
    }

    #[test]
    fn a_queued_job_counts_its_rows_and_nothing_else() {
        let s = job(&[]).summary();
        assert_eq!((s.rows, s.succeeded, s.failed), (3, 0, 0));
        assert_eq!(s.state, JobState::Queued);
    }

    #[test]
    fn a_completed_job_counts_successes_and_failures() {
        let s = job(&[RowState::Success, RowState::Failed, RowState::Success]).summary();
        assert_eq!((s.rows, s.succeeded, s.failed), (3, 2, 1));
        assert_eq!((s.id, s.target_name.as_str()), (JobId(7), "Contoso Ltd"));
    }

    #[test]
    fn a_job_rebuilt_from_its_summary_and_rows_is_the_same_job() {
        let original = job(&[RowState::Success, RowState::Failed, RowState::Success]);
        let rebuilt = TransferJob::from_summary(
            original.summary(),
            original.rows.clone(),
            original.results.clone(),
        );
        assert_eq!(rebuilt, original);
    }
}
