//! Transfer jobs: PCs moved from one tenant to a customer's dashboard,
//! asynchronously, with a result per submitted row.
//!
//! The engine trusts nothing the client checked: it re-checks every row
//! when the job runs. A job runs in one step against the state of that
//! moment: results are computed first, then every successful move is applied
//! together, so no PC is lost, duplicated or left half-moved.

use super::{AccessError, Engine, Event, TransferSummary};
use crate::date::Timestamp;
use crate::export::write_csv;
use crate::fast_hash::FastSet;
use crate::ids::{CustomerId, PartnerId, TenantId, UserId};
use crate::rules::{access, alerts, transfer};
use crate::serial::SerialNumber;
use crate::transfer_file::Place;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

/// A transfer job's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct JobId(pub u64);

impl fmt::Display for JobId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A row as submitted: the two cells of the transfer file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmittedRow {
    /// Column A.
    pub serial: String,
    /// Column B.
    pub customer: String,
}

/// What a client asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransferRequest {
    /// Chosen by the client once per submission: submitting the same key
    /// again (a double click, a retry) returns the first job.
    pub key: String,
    /// The tenant the user started from.
    pub source: TenantId,
    /// The rows, in file order.
    pub rows: Vec<SubmittedRow>,
}

/// Where a job is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum JobState {
    /// Accepted, waiting to run.
    Queued,
    /// Running.
    Running,
    /// Done; every row has a result.
    Completed,
}

/// Success or Failed, as the Summary's State column says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowState {
    /// The PC moved.
    Success,
    /// It did not; the description says why.
    Failed,
}

/// The result of one submitted row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowResult {
    /// Success or Failed.
    pub state: RowState,
    /// The Summary's State Description.
    pub description: String,
}

/// The State Description of a moved PC, as HP's Summary words it.
pub const SUCCESS_DESCRIPTION: &str = "Asset successfully created";
/// The State Description of a PC that is not in the source tenant.
pub const NOT_FOUND_DESCRIPTION: &str = "Device not found";

/// How many of `results` moved their PC.
pub fn succeeded_in(results: &[RowResult]) -> usize {
    results
        .iter()
        .filter(|r| r.state == RowState::Success)
        .count()
}

/// A transfer job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransferJob {
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
    /// The rows, as submitted.
    pub rows: Vec<SubmittedRow>,
    /// Where the job is.
    pub state: JobState,
    /// When it was submitted.
    pub submitted_at: Timestamp,
    /// When it completed.
    pub completed_at: Option<Timestamp>,
    /// One per row once completed.
    pub results: Vec<RowResult>,
    /// Whether the submitter opened its notification.
    pub read: bool,
}

impl TransferJob {
    /// Rows that moved.
    pub fn succeeded(&self) -> usize {
        succeeded_in(&self.results)
    }

    /// Rows that did not.
    pub fn failed(&self) -> usize {
        self.results.len() - self.succeeded()
    }

    /// The Summary: one row per submitted row.
    pub fn summary_csv(&self) -> String {
        write_csv(
            &["Serial Number", "Customer ID", "State", "State Description"],
            self.rows
                .iter()
                .zip(&self.results)
                .map(|(row, result)| -> [Cow<str>; 4] {
                    [
                        Cow::Borrowed(&row.serial),
                        Cow::Borrowed(&row.customer),
                        Cow::Borrowed(match result.state {
                            RowState::Success => "Success",
                            RowState::Failed => "Failed",
                        }),
                        Cow::Borrowed(&result.description),
                    ]
                }),
        )
    }

    /// The file name its Summary downloads under.
    pub fn summary_file_name(&self) -> String {
        format!("transfer-{}-summary.csv", self.id)
    }
}

/// Why a transfer was refused before it was queued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SubmitError {
    /// The user may not transfer from this source.
    Access(AccessError),
    /// No rows were submitted.
    NoRows,
    /// The rows do not all name the same Customer ID.
    MixedCustomerIds,
    /// Column B is not a Customer ID.
    MalformedCustomerId(String),
    /// The Customer ID is not one of the partner's customers.
    UnknownCustomer(CustomerId),
}

impl fmt::Display for SubmitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SubmitError::Access(e) => write!(f, "{e}"),
            SubmitError::NoRows => write!(f, "the transfer has no rows"),
            SubmitError::MixedCustomerIds => {
                write!(f, "every row of a transfer must name the same Customer ID")
            }
            SubmitError::MalformedCustomerId(t) => write!(f, "{t:?} is not a Customer ID"),
            SubmitError::UnknownCustomer(id) => write!(f, "{id} is not one of your customers"),
        }
    }
}

impl std::error::Error for SubmitError {}

impl From<AccessError> for SubmitError {
    fn from(e: AccessError) -> Self {
        SubmitError::Access(e)
    }
}

impl Engine {
    /// Queues a transfer. The same key from the same user returns the job
    /// it first created.
    pub fn submit_transfer(
        &mut self,
        user: &UserId,
        request: TransferRequest,
        now: Timestamp,
    ) -> Result<JobId, SubmitError> {
        if let Some(job) = self
            .jobs
            .iter()
            .find(|j| j.key == request.key && &j.user == user)
        {
            return Ok(job.id);
        }
        self.check_submission(user, &request)?;
        let id = JobId(self.jobs.iter().map(|j| j.id.0).max().unwrap_or(0) + 1);
        self.replay(Event::TransferSubmitted {
            job: id,
            user: user.clone(),
            request,
            at: now,
        })
        .map_err(|_| SubmitError::NoRows)?;
        Ok(id)
    }

    /// What a submission is checked for before it is queued; also run when a
    /// stored log is replayed.
    pub(super) fn check_submission(
        &self,
        user: &UserId,
        request: &TransferRequest,
    ) -> Result<(PartnerId, CustomerId), SubmitError> {
        let acting = self.user(user)?;
        let source_customer = match &request.source {
            TenantId::Customer(id) => self.find_customer(id),
            TenantId::Holding(_) => None,
        };
        let target_customer =
            transfer::claimed_target(&request.rows).and_then(|id| self.find_customer(&id));
        let facts = transfer::SubmissionFacts {
            role: &acting.role,
            partner: self.own_partner(acting),
            source_customer,
            target_customer,
        };
        transfer::check_submission(request, &facts)
    }

    /// Marks a queued job as running.
    pub fn start_transfer(&mut self, job: JobId, now: Timestamp) -> Result<(), String> {
        self.replay(Event::TransferStarted { job, at: now })
    }

    /// Runs a job to completion: every row checked again, every successful
    /// move applied at once.
    pub fn complete_transfer(&mut self, job: JobId, now: Timestamp) -> Result<(), String> {
        self.replay(Event::TransferCompleted { job, at: now })
    }

    /// The jobs of the user's partner, newest first.
    pub fn transfers(&self, user: &UserId) -> Result<Vec<TransferSummary>, AccessError> {
        let partner = self.acting_partner(self.user(user)?)?;
        Ok(self
            .jobs
            .iter()
            .rev()
            .filter(|j| j.partner == partner.id)
            .map(TransferJob::summary)
            .collect())
    }

    /// One job of the user's partner.
    pub fn transfer(&self, user: &UserId, job: JobId) -> Result<TransferJob, AccessError> {
        let partner = self.acting_partner(self.user(user)?)?;
        self.jobs
            .iter()
            .find(|j| j.id == job && j.partner == partner.id)
            .cloned()
            .ok_or(AccessError::NoSuchTransfer(job))
    }

    /// A job, whoever's it is: for a runner, which acts as nobody.
    pub fn job(&self, job: JobId) -> Option<&TransferJob> {
        self.jobs.iter().find(|j| j.id == job)
    }

    /// Jobs not yet completed, for a runner to drive (after a reload too).
    pub fn pending_transfers(&self) -> Vec<(JobId, JobState)> {
        self.jobs
            .iter()
            .filter(|j| j.state != JobState::Completed)
            .map(|j| (j.id, j.state))
            .collect()
    }

    /// The user's notifications: their completed jobs, newest first.
    pub fn notifications(&self, user: &UserId) -> Result<Vec<TransferSummary>, AccessError> {
        self.user(user)?;
        Ok(self
            .jobs
            .iter()
            .rev()
            .filter(|j| &j.user == user && j.state == JobState::Completed)
            .map(TransferJob::summary)
            .collect())
    }

    /// Marks a notification read.
    pub fn mark_read(&mut self, user: &UserId, job: JobId) -> Result<(), AccessError> {
        let owned = self.jobs.iter().any(|j| j.id == job && &j.user == user);
        if !owned {
            return Err(AccessError::NoSuchTransfer(job));
        }
        self.replay(Event::NotificationRead { job })
            .map_err(|_| AccessError::NoSuchTransfer(job))
    }

    /// Where the user can see each of `serials`, for those they can see.
    pub fn locate(
        &self,
        user: &UserId,
        serials: &[SerialNumber],
    ) -> Result<Vec<(SerialNumber, Place)>, AccessError> {
        let acting = self.user(user)?;
        let wanted: HashSet<&SerialNumber> = serials.iter().collect();
        let mut found = Vec::new();
        for (tenant, devices) in &self.world.tenants {
            let customer = match tenant {
                TenantId::Customer(id) => self.find_customer(id),
                TenantId::Holding(_) => None,
            };
            let Some(place) = access::place_for(&acting.role, tenant, customer) else {
                continue;
            };
            found.extend(
                devices
                    .iter()
                    .filter(|d| wanted.contains(&d.serial))
                    .map(|d| (d.serial, place.clone())),
            );
        }
        Ok(found)
    }

    // ----- applying events ----------------------------------------------

    pub(super) fn apply_submitted(
        &mut self,
        job: JobId,
        user: &UserId,
        request: &TransferRequest,
        at: Timestamp,
    ) -> Result<(), String> {
        if self.jobs.iter().any(|j| j.id == job) {
            return Err(format!("transfer {job} is recorded twice"));
        }
        let (partner, target) = self
            .check_submission(user, request)
            .map_err(|e| e.to_string())?;
        let source_name = self.tenant_name(&request.source);
        let target_name = self
            .find_customer(&target)
            .map(|c| c.name.clone())
            .unwrap_or_default();
        self.jobs.push(TransferJob {
            id: job,
            key: request.key.clone(),
            user: user.clone(),
            partner,
            source: request.source.clone(),
            source_name,
            target,
            target_name,
            rows: request.rows.clone(),
            state: JobState::Queued,
            submitted_at: at,
            completed_at: None,
            results: Vec::new(),
            read: false,
        });
        Ok(())
    }

    pub(super) fn apply_started(&mut self, job: JobId) -> Result<(), String> {
        let j = self.job_mut(job)?;
        if j.state != JobState::Queued {
            return Err(format!("transfer {job} started twice"));
        }
        j.state = JobState::Running;
        Ok(())
    }

    pub(super) fn apply_completed(&mut self, job: JobId, at: Timestamp) -> Result<(), String> {
        let index = self
            .jobs
            .iter()
            .position(|j| j.id == job)
            .ok_or_else(|| format!("there is no transfer {job}"))?;
        if self.jobs[index].state == JobState::Completed {
            return Err(format!("transfer {job} completed twice"));
        }
        let (results, moves) = self.plan_moves(&self.jobs[index]);
        let (source, target) = (
            self.jobs[index].source.clone(),
            TenantId::Customer(self.jobs[index].target.clone()),
        );
        self.move_devices(&source, &target, &moves);
        let j = &mut self.jobs[index];
        j.results = results;
        j.state = JobState::Completed;
        j.completed_at = Some(at);
        Ok(())
    }

    pub(super) fn apply_read(&mut self, job: JobId) -> Result<(), String> {
        self.job_mut(job)?.read = true;
        Ok(())
    }

    fn job_mut(&mut self, job: JobId) -> Result<&mut TransferJob, String> {
        self.jobs
            .iter_mut()
            .find(|j| j.id == job)
            .ok_or_else(|| format!("there is no transfer {job}"))
    }

    /// Each row's result against the state of now, and the PCs to move
    /// (see [`transfer::row_results`]).
    fn plan_moves(&self, job: &TransferJob) -> (Vec<RowResult>, FastSet<SerialNumber>) {
        let empty = Vec::new();
        let in_source: FastSet<SerialNumber> = self
            .world
            .tenants
            .get(&job.source)
            .unwrap_or(&empty)
            .iter()
            .map(|d| d.serial)
            .collect();
        transfer::row_results(&job.rows, &job.source, &job.target, |s| {
            in_source.contains(s)
        })
    }

    /// Moves PCs in one pass over the source, and applies the rule that the
    /// first Premium / Premium+ PC in a dashboard turns self-service alerts on.
    pub(super) fn move_devices(
        &mut self,
        source: &TenantId,
        target: &TenantId,
        moves: &FastSet<SerialNumber>,
    ) {
        if moves.is_empty() {
            return;
        }
        let mut moved = Vec::with_capacity(moves.len());
        if let Some(devices) = self.world.tenants.get_mut(source) {
            devices.retain(|d| {
                let go = moves.contains(&d.serial);
                if go {
                    moved.push(d.clone());
                }
                !go
            });
        }
        let target_devices = self.world.tenants.entry(target.clone()).or_default();
        let alerts_on = alerts::arrival_turns_alerts_on(target_devices.len(), moved.len());
        target_devices.extend(moved);
        if let TenantId::Customer(id) = target {
            if alerts_on {
                if let Some(c) = self.customer_mut(id) {
                    c.self_service_alerts = true;
                }
            }
        }
    }

    fn tenant_name(&self, tenant: &TenantId) -> String {
        let customer = match tenant {
            TenantId::Customer(id) => self.find_customer(id),
            TenantId::Holding(_) => None,
        };
        transfer::tenant_name(tenant, customer.map(|c| c.name.as_str()))
    }
}
