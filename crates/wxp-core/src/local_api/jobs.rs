//! Transfers in the background, as the server's runner moves them: a
//! queued job is marked running at once, and runs to completion the
//! transfer delay after it was submitted.

use super::changes::{Audience, Changes};
use crate::api::Topic;
use crate::date::Timestamp;
use crate::engine::{Engine, JobId, JobState, TransferJob};
use crate::ids::TenantId;
use std::collections::BTreeMap;

/// The server's default transfer delay (`WXP_TRANSFER_DELAY_MS`).
const DEFAULT_DELAY_MS: i64 = 300;

/// When each job submitted here is due.
#[derive(Debug)]
pub(super) struct Jobs {
    delay_ms: i64,
    /// Due times of the jobs submitted since this API started, in
    /// milliseconds; a job from a stored state is due its delay after the
    /// second it was submitted in.
    due: BTreeMap<JobId, i64>,
}

impl Default for Jobs {
    fn default() -> Self {
        Jobs {
            delay_ms: DEFAULT_DELAY_MS,
            due: BTreeMap::new(),
        }
    }
}

impl Jobs {
    /// Sets the transfer delay.
    pub(super) fn set_delay_ms(&mut self, ms: u64) {
        self.delay_ms = i64::try_from(ms).unwrap_or(i64::MAX);
    }

    /// A job was just submitted.
    pub(super) fn submitted(&mut self, job: JobId, now_ms: i64) {
        self.due.insert(job, now_ms.saturating_add(self.delay_ms));
    }

    /// The state was replaced: its jobs are due by their submission times.
    pub(super) fn forget(&mut self) {
        self.due.clear();
    }

    fn due_at(&self, job: &TransferJob) -> i64 {
        self.due.get(&job.id).copied().unwrap_or_else(|| {
            job.submitted_at
                .0
                .saturating_mul(1000)
                .saturating_add(self.delay_ms)
        })
    }

    /// When there is next something to do: at once for a queued job, at
    /// its due time for a running one.
    pub(super) fn next_due(&self, engine: &Engine) -> Option<i64> {
        engine
            .pending_transfers()
            .into_iter()
            .filter_map(|(id, state)| {
                let job = engine.job(id)?;
                Some(match state {
                    JobState::Queued => job.submitted_at.0.saturating_mul(1000),
                    _ => self.due_at(job),
                })
            })
            .min()
    }

    /// Marks queued jobs running, then runs every due one, oldest first,
    /// telling what each changed.
    pub(super) fn run_due(&mut self, engine: &mut Engine, now_ms: i64, changes: &mut Changes) {
        let now = Timestamp(now_ms.div_euclid(1000));
        let pending = engine.pending_transfers();
        for (id, state) in &pending {
            if *state == JobState::Queued && engine.start_transfer(*id, now).is_ok() {
                if let Some(job) = engine.job(*id) {
                    changes.tell(
                        Topic::Transfers,
                        Audience::Partner(job.partner.clone(), None),
                    );
                }
            }
        }
        for (id, _) in pending {
            let Some(job) = engine.job(id) else { continue };
            if self.due_at(job) > now_ms {
                continue;
            }
            // A job fails to complete only if the data changed under it
            // (imported): then there is nothing left to run.
            if engine.complete_transfer(id, now).is_ok() {
                self.due.remove(&id);
                if let Some(job) = engine.job(id) {
                    tell_completed(job, changes);
                }
            }
        }
    }
}

/// What a completed job changed, and for whom: the server's runner tells
/// the same (`jobs.rs`, `tell_completed`).
fn tell_completed(job: &TransferJob, changes: &mut Changes) {
    let partner = Audience::Partner(job.partner.clone(), Some(job.target.clone()));
    changes.tell_all(
        &[Topic::Transfers, Topic::Devices, Topic::Customers],
        &partner,
    );
    if let TenantId::Customer(source) = &job.source {
        let source = Audience::Partner(job.partner.clone(), Some(source.clone()));
        changes.tell_all(&[Topic::Devices, Topic::Customers], &source);
    }
    changes.tell(Topic::Notifications, Audience::User(job.user.clone()));
}
