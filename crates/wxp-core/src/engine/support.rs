//! Support cases: what a user tells HP support, with the serial numbers
//! concerned (missing Unassigned Devices, resold PCs missing, a failed
//! transfer row).

use super::{AccessError, Engine, Event};
use crate::date::Timestamp;
use crate::ids::UserId;
use crate::rules::support as rules;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A support case as the user writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewCase {
    /// One line.
    pub subject: String,
    /// What happened.
    pub description: String,
    /// The PCs concerned, as entered.
    pub serials: Vec<String>,
}

/// A support case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportCase {
    /// Its number.
    pub id: u64,
    /// Who opened it.
    pub user: UserId,
    /// Their organisation's name.
    pub organisation: String,
    /// What they wrote.
    pub case: NewCase,
    /// When.
    pub opened_at: Timestamp,
}

impl SupportCase {
    /// Cases are answered by HP support, outside this portal: every case
    /// here is open.
    pub fn state(&self) -> CaseState {
        CaseState::Open
    }
}

/// Where a support case is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CaseState {
    /// Waiting for HP support.
    Open,
}

/// Why a case was not opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CaseError {
    /// The user is unknown.
    Access(AccessError),
    /// The subject is empty.
    EmptySubject,
    /// A serial number is malformed.
    BadSerial(String),
}

impl fmt::Display for CaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CaseError::Access(e) => write!(f, "{e}"),
            CaseError::EmptySubject => write!(f, "the subject is empty"),
            CaseError::BadSerial(s) => {
                write!(f, "{s:?} is not a serial number (10 letters and digits)")
            }
        }
    }
}

impl std::error::Error for CaseError {}

impl From<AccessError> for CaseError {
    fn from(e: AccessError) -> Self {
        CaseError::Access(e)
    }
}

impl Engine {
    /// Opens a support case; serial numbers are checked and normalised.
    pub fn open_case(
        &mut self,
        user: &UserId,
        case: NewCase,
        now: Timestamp,
    ) -> Result<u64, CaseError> {
        self.user(user)?;
        let case = rules::check_case(case)?;
        let id = self.cases.len() as u64 + 1;
        self.replay(Event::CaseOpened {
            user: user.clone(),
            case,
            at: now,
        })
        .map_err(|_| CaseError::EmptySubject)?;
        Ok(id)
    }

    /// The cases the user opened, newest first.
    pub fn cases(&self, user: &UserId) -> Result<Vec<SupportCase>, AccessError> {
        self.user(user)?;
        Ok(self
            .cases
            .iter()
            .rev()
            .filter(|c| &c.user == user)
            .cloned()
            .collect())
    }

    pub(super) fn apply_case_opened(
        &mut self,
        user: &UserId,
        case: &NewCase,
        at: Timestamp,
    ) -> Result<(), String> {
        let organisation = self
            .accounts()
            .into_iter()
            .find(|a| &a.user.id == user)
            .map(|a| a.organisation)
            .ok_or("an unknown user")?;
        self.cases.push(SupportCase {
            id: self.cases.len() as u64 + 1,
            user: user.clone(),
            organisation,
            case: case.clone(),
            opened_at: at,
        });
        Ok(())
    }
}
