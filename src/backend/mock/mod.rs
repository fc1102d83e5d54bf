//! The in-browser mock backend: the domain engine, persisted to local
//! storage after every change, running transfer jobs on timers.

use super::{ready, Backend, BackendError, Notice, Reply};
use crate::browser;
use leptos::prelude::{set_interval, set_timeout};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use wxp_core::date::Date;
use wxp_core::date::Timestamp;
use wxp_core::engine::{
    Account, CustomerSummary, EnrolOutcome, JobId, JobState, NewCustomer, Portfolio, Session,
    TransferJob, TransferRequest,
};
use wxp_core::engine::{Alert, AlertId, AlertKind, NewCase, Repair, SupportCase};
use wxp_core::seed::DemoConfig;
use wxp_core::transfer_file::Place;
use wxp_core::{store, CustomerId, Device, Engine, SerialNumber, TenantId, UserId};

const KEY: &str = "wxp-portal/mock-state";
/// How long a transfer job runs, in milliseconds; tests set it shorter.
const DELAY_KEY: &str = "wxp-portal/transfer-duration-ms";
const DEFAULT_DURATION_MS: u64 = 1_500;
/// How often HP's analytics raise an alert on some PC, in milliseconds;
/// tests set it shorter, `0` stops them.
const ALERT_INTERVAL_KEY: &str = "wxp-portal/alert-interval-ms";
const DEFAULT_ALERT_INTERVAL_MS: u64 = 90_000;

/// The mock backend. Works offline; its state survives reloads, running
/// transfers included (they resume after a reload).
#[derive(Clone)]
pub struct MockBackend {
    // A Mutex, not a RefCell, so the backend can live in Leptos context
    // (which wants Send + Sync); in wasm it is never contended.
    engine: Arc<Mutex<Engine>>,
    job_duration: Duration,
}

impl MockBackend {
    /// Opens the stored state, or the seed if there is none. When the stored
    /// state cannot be used it is replaced by the seed, and the returned
    /// notice says why. Transfers left unfinished by a reload resume.
    pub fn open() -> (MockBackend, Option<Notice>) {
        let (engine, notice) = match browser::storage_get(KEY) {
            None => (Engine::new(DemoConfig::default()), None),
            Some(json) => match store::restore(&json) {
                Ok(engine) => (engine, None),
                Err(err) => (
                    Engine::new(DemoConfig::default()),
                    Some(Notice::DataReset(err)),
                ),
            },
        };
        let mock = MockBackend::with_engine(engine);
        let notice = match (notice, mock.persist()) {
            (notice, Ok(())) => notice,
            (Some(notice), Err(_)) => Some(notice),
            (None, Err(err)) => Some(Notice::Error(err)),
        };
        let pending = mock.lock().pending_transfers();
        for (job, state) in pending {
            mock.run_job(job, state);
        }
        mock.raise_alerts_over_time();
        (mock, notice)
    }

    /// A mock over `engine`, e.g. for component tests.
    pub fn with_engine(engine: Engine) -> MockBackend {
        let job_duration = browser::storage_get(DELAY_KEY)
            .and_then(|ms| ms.parse().ok())
            .unwrap_or(DEFAULT_DURATION_MS);
        MockBackend {
            engine: Arc::new(Mutex::new(engine)),
            job_duration: Duration::from_millis(job_duration),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Engine> {
        self.engine.lock().expect("single-threaded")
    }

    fn read<T: 'static>(&self, f: impl FnOnce(&Engine) -> Result<T, BackendError>) -> Reply<T> {
        ready(f(&self.lock()))
    }

    fn write<T: 'static>(
        &self,
        f: impl FnOnce(&mut Engine) -> Result<T, BackendError>,
    ) -> Reply<T> {
        let result = f(&mut self.lock());
        ready(result.and_then(|value| self.persist().map(|()| value)))
    }

    fn persist(&self) -> Result<(), BackendError> {
        let json = store::save(&self.lock());
        browser::storage_set(KEY, &json).map_err(BackendError::Storage)
    }

    /// Drives a job: queued → running shortly after, completed after the
    /// job duration. Each step is persisted, so a reload resumes it.
    fn run_job(&self, job: JobId, state: JobState) {
        let mock = self.clone();
        let step = match state {
            JobState::Queued => self.job_duration / 5,
            JobState::Running => self.job_duration,
            JobState::Completed => return,
        };
        set_timeout(
            move || {
                let result = match state {
                    JobState::Queued => mock.lock().start_transfer(job, now()),
                    _ => mock.lock().complete_transfer(job, now()),
                };
                // A job can only fail to advance if the demo data was reset
                // under it; then there is nothing left to run.
                if result.is_ok() && mock.persist().is_ok() && state == JobState::Queued {
                    mock.run_job(job, JobState::Running);
                }
            },
            step,
        );
    }
}

impl MockBackend {
    /// Raises an alert on some PC every interval, as HP's analytics would
    /// (which PC and what kind follow from the seed). Pages that show alerts
    /// poll for them.
    fn raise_alerts_over_time(&self) {
        let interval = browser::storage_get(ALERT_INTERVAL_KEY)
            .and_then(|ms| ms.parse().ok())
            .unwrap_or(DEFAULT_ALERT_INTERVAL_MS);
        if interval == 0 {
            return;
        }
        let mock = self.clone();
        set_interval(
            move || {
                // A tab in the background would write its copy of the
                // state over changes made meanwhile in the one in use.
                if browser::page_hidden() {
                    return;
                }
                if mock.lock().raise_scheduled_alert(now()).is_some() {
                    // A full storage only loses this alert; the next tick
                    // tries again.
                    let _ = mock.persist();
                }
            },
            Duration::from_millis(interval),
        );
    }
}

/// The browser's clock.
fn now() -> Timestamp {
    Timestamp((js_sys::Date::now() / 1000.0) as i64)
}

impl Backend for MockBackend {
    fn accounts(&self) -> Reply<Vec<Account>> {
        self.read(|e| Ok(e.accounts()))
    }

    fn session(&self, user: UserId) -> Reply<Session> {
        self.read(|e| Ok(e.session(&user)?))
    }

    fn customers(&self, user: UserId) -> Reply<Vec<CustomerSummary>> {
        self.read(|e| Ok(e.customers(&user)?))
    }

    fn customer(&self, user: UserId, id: CustomerId) -> Reply<CustomerSummary> {
        self.read(|e| Ok(e.customer(&user, &id)?))
    }

    fn portfolio(&self, user: UserId) -> Reply<Portfolio> {
        self.read(|e| Ok(e.portfolio(&user)?))
    }

    fn devices(&self, user: UserId, tenant: TenantId) -> Reply<Arc<Vec<Device>>> {
        self.read(|e| Ok(Arc::new(e.devices(&user, &tenant)?)))
    }

    fn set_insights_collection(
        &self,
        user: UserId,
        customer: CustomerId,
        enabled: bool,
    ) -> Reply<()> {
        self.write(|e| Ok(e.set_insights_collection(&user, &customer, enabled)?))
    }

    fn locate(
        &self,
        user: UserId,
        serials: Vec<SerialNumber>,
    ) -> Reply<Vec<(SerialNumber, Place)>> {
        self.read(|e| Ok(e.locate(&user, &serials)?))
    }

    fn submit_transfer(&self, user: UserId, request: TransferRequest) -> Reply<JobId> {
        let reply = self.write(|e| {
            // A repeated request (double click, retry) is already being run.
            let repeated = e.transfers(&user)?.iter().any(|j| j.key == request.key);
            Ok((e.submit_transfer(&user, request, now())?, repeated))
        });
        let mock = self.clone();
        Box::pin(async move {
            let (job, repeated) = reply.await?;
            if !repeated {
                mock.run_job(job, JobState::Queued);
            }
            Ok(job)
        })
    }

    fn transfers(&self, user: UserId) -> Reply<Vec<TransferJob>> {
        self.read(|e| Ok(e.transfers(&user)?))
    }

    fn notifications(&self, user: UserId) -> Reply<Vec<TransferJob>> {
        self.read(|e| Ok(e.notifications(&user)?))
    }

    fn mark_read(&self, user: UserId, job: JobId) -> Reply<()> {
        self.write(|e| Ok(e.mark_read(&user, job)?))
    }

    fn create_customer(&self, user: UserId, new: NewCustomer) -> Reply<CustomerId> {
        self.write(|e| Ok(e.create_customer(&user, new)?))
    }

    fn enrol(
        &self,
        user: UserId,
        customer: CustomerId,
        cpin: String,
        serials: Vec<String>,
    ) -> Reply<Vec<EnrolOutcome>> {
        self.write(|e| Ok(e.enrol(&user, &customer, &cpin, &serials)?))
    }

    fn set_self_service_alerts(
        &self,
        user: UserId,
        customer: CustomerId,
        enabled: bool,
    ) -> Reply<()> {
        self.write(|e| Ok(e.set_self_service_alerts(&user, &customer, enabled)?))
    }

    fn alerts(&self, user: UserId) -> Reply<Vec<Alert>> {
        self.read(|e| Ok(e.alerts(&user)?))
    }

    fn simulate_alert(&self, user: UserId, serial: String, kind: AlertKind) -> Reply<AlertId> {
        self.write(|e| Ok(e.simulate_alert(&user, &serial, kind, now())?))
    }

    fn request_repair(&self, user: UserId, alert: AlertId) -> Reply<Repair> {
        self.write(|e| Ok(e.request_repair(&user, alert, now())?))
    }

    fn repair_requests(&self, user: UserId) -> Reply<Vec<Alert>> {
        self.read(|e| Ok(e.repair_requests(&user)?))
    }

    fn schedule_repair(&self, user: UserId, alert: AlertId, on: Date) -> Reply<()> {
        self.write(|e| Ok(e.schedule_repair(&user, alert, on)?))
    }

    fn open_case(&self, user: UserId, case: NewCase) -> Reply<u64> {
        self.write(|e| Ok(e.open_case(&user, case, now())?))
    }

    fn cases(&self, user: UserId) -> Reply<Vec<SupportCase>> {
        self.read(|e| Ok(e.cases(&user)?))
    }

    fn demo_config(&self) -> Reply<DemoConfig> {
        self.read(|e| Ok(e.config()))
    }

    fn reset_demo(&self, config: DemoConfig) -> Reply<()> {
        self.write(|e| {
            *e = Engine::new(config);
            Ok(())
        })
    }
}
