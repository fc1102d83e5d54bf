//! How the engine's state is persisted: the demo configuration and the log
//! of events, as versioned JSON.
//!
//! Stored text may be corrupted or written by an older version of the
//! portal; [`restore`] says which, so the app can reset with a message
//! instead of showing a blank page.

use crate::engine::{Engine, Event};
use crate::seed::DemoConfig;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The version of the stored format. Bump it whenever the meaning of a
/// stored state changes (including the seed generator's output).
pub const SCHEMA_VERSION: u32 = 1;

/// The persisted form of an [`Engine`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredState {
    /// [`SCHEMA_VERSION`] at the time of writing.
    pub schema: u32,
    /// What the demo data was generated from.
    pub config: DemoConfig,
    /// Events applied since, oldest first.
    pub events: Vec<Event>,
}

/// Why a stored state could not be restored.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RestoreError {
    /// The text is not a stored state at all.
    Corrupted {
        /// What the JSON reader said, with line and column.
        reason: String,
    },
    /// The state was written by another version of the portal.
    OtherVersion {
        /// The version found.
        found: u32,
    },
    /// An event of the log cannot be applied.
    InvalidEvent {
        /// Its position in the log, from 1.
        number: usize,
        /// Why.
        reason: String,
    },
}

impl fmt::Display for RestoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RestoreError::Corrupted { reason } => {
                write!(f, "the stored demo data is corrupted ({reason})")
            }
            RestoreError::OtherVersion { found } => write!(
                f,
                "the stored demo data was written by another version of the portal (format {found}, this one reads {SCHEMA_VERSION})"
            ),
            RestoreError::InvalidEvent { number, reason } => {
                write!(f, "change number {number} of the stored demo data cannot be applied: {reason}")
            }
        }
    }
}

impl std::error::Error for RestoreError {}

/// The persisted form of `engine`, as JSON.
pub fn save(engine: &Engine) -> String {
    serde_json::to_string(&StoredState {
        schema: SCHEMA_VERSION,
        config: engine.config(),
        events: engine.events().to_vec(),
    })
    .expect("stored states always serialise")
}

/// Rebuilds an engine from its persisted JSON.
pub fn restore(json: &str) -> Result<Engine, RestoreError> {
    // Read the version first, so that an old format is reported as such
    // rather than as corruption.
    #[derive(Deserialize)]
    struct Version {
        schema: u32,
    }
    let version: Version = serde_json::from_str(json).map_err(|e| RestoreError::Corrupted {
        reason: e.to_string(),
    })?;
    if version.schema != SCHEMA_VERSION {
        return Err(RestoreError::OtherVersion {
            found: version.schema,
        });
    }
    let stored: StoredState = serde_json::from_str(json).map_err(|e| RestoreError::Corrupted {
        reason: e.to_string(),
    })?;
    let mut engine = Engine::new(stored.config);
    for (i, event) in stored.events.into_iter().enumerate() {
        engine
            .replay(event)
            .map_err(|reason| RestoreError::InvalidEvent {
                number: i + 1,
                reason,
            })?;
    }
    Ok(engine)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::UserId;

    #[test]
    fn round_trips_events() {
        let mut engine = Engine::new(DemoConfig::default());
        let admin = UserId("u-alpine-admin".into());
        let fabrikam = engine
            .customers(&admin)
            .unwrap()
            .into_iter()
            .find(|s| s.customer.name == "Fabrikam Inc")
            .unwrap()
            .customer
            .id;
        engine
            .set_insights_collection(&admin, &fabrikam, true)
            .unwrap();
        let restored = restore(&save(&engine)).unwrap();
        assert_eq!(restored.events(), engine.events());
        assert!(
            restored
                .customer(&admin, &fabrikam)
                .unwrap()
                .customer
                .insights_collection
        );
    }

    #[test]
    fn reports_corruption_with_position() {
        let err = restore("{\"schema\": 1, \"config\": ").unwrap_err();
        assert!(matches!(err, RestoreError::Corrupted { .. }));
        assert!(err.to_string().contains("line 1"), "{err}");
        assert!(matches!(
            restore("not json"),
            Err(RestoreError::Corrupted { .. })
        ));
    }

    #[test]
    fn reports_other_versions() {
        let err = restore(r#"{"schema": 0, "whatever": true}"#).unwrap_err();
        assert_eq!(err, RestoreError::OtherVersion { found: 0 });
    }

    #[test]
    fn reports_events_that_do_not_apply() {
        let json = r#"{"schema":1,"config":{"seed":2026,"size":"Standard"},
            "events":[{"event":"insights_collection_set","customer":"CUS-00000000","enabled":true}]}"#;
        let err = restore(json).unwrap_err();
        assert!(
            matches!(err, RestoreError::InvalidEvent { number: 1, .. }),
            "{err}"
        );
    }
}
