//! The in-browser mock backend: the domain engine, persisted to local
//! storage after every change, running transfer jobs on timers. It keeps
//! the signed-in demo account itself (in local storage too, so a reload
//! keeps the user signed in) and tells its [`Listeners`] what each change
//! touched.

mod listeners;

use super::{ready, Backend, BackendError, DemoBackend, Listener, Notice, Reply, Subscription};
use crate::browser;
use leptos::prelude::{set_interval, set_timeout};
use listeners::Listeners;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wxp_core::api::Topic;
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
/// The signed-in demo account.
const SESSION_KEY: &str = "wxp-portal/session";
/// How long a transfer job runs, in milliseconds; tests set it shorter.
const DELAY_KEY: &str = "wxp-portal/transfer-duration-ms";
const DEFAULT_DURATION_MS: u64 = 1_500;
/// How often HP's analytics raise an alert on some PC, in milliseconds;
/// tests set it shorter, `0` stops them.
const ALERT_INTERVAL_KEY: &str = "wxp-portal/alert-interval-ms";
const DEFAULT_ALERT_INTERVAL_MS: u64 = 90_000;

/// What a completed transfer changes: the job, the user's notifications,
/// where PCs are and so the customers' counts.
const TRANSFER_COMPLETED: [Topic; 4] = [
    Topic::Transfers,
    Topic::Notifications,
    Topic::Devices,
    Topic::Customers,
];

/// The mock backend. Works offline; its state survives reloads, running
/// transfers included (they resume after a reload).
#[derive(Clone)]
pub struct MockBackend {
    // A Mutex, not a RefCell, so the backend can live in Leptos context
    // (which wants Send + Sync); in wasm it is never contended.
    engine: Arc<Mutex<Engine>>,
    /// The signed-in demo account.
    user: Arc<Mutex<Option<UserId>>>,
    listeners: Listeners,
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
        mock.follow_other_tabs();
        (mock, notice)
    }

    /// Takes in what other tabs of the portal store: who is signed in (a
    /// sign-out there signs out here too) and the demo data (their changes,
    /// or a reset), each reported as a change of every topic.
    fn follow_other_tabs(&self) {
        let mock = self.clone();
        let on_storage = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let field = |name: &str| {
                js_sys::Reflect::get(&event, &JsValue::from_str(name))
                    .ok()
                    .and_then(|v| v.as_string())
            };
            match field("key").as_deref() {
                Some(SESSION_KEY) => {
                    *mock.user.lock().expect("single-threaded") = field("newValue").map(UserId);
                    // Views read again, as the new user (or nobody).
                    mock.listeners.notify(&Topic::ALL);
                }
                Some(KEY) => {
                    let restored = field("newValue").map(|json| store::restore(&json));
                    if let Some(Ok(engine)) = restored {
                        *mock.lock() = engine;
                        mock.listeners.notify(&Topic::ALL);
                    }
                }
                _ => {}
            }
        });
        if let Some(window) = web_sys::window() {
            let _ = window
                .add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
        }
        // As long as the page: the mock lives until it is closed.
        on_storage.forget();
    }

    /// A mock over `engine`, e.g. for component tests, with the demo
    /// account signed in in this browser, if any.
    pub fn with_engine(engine: Engine) -> MockBackend {
        let job_duration = browser::storage_get(DELAY_KEY)
            .and_then(|ms| ms.parse().ok())
            .unwrap_or(DEFAULT_DURATION_MS);
        MockBackend {
            engine: Arc::new(Mutex::new(engine)),
            user: Arc::new(Mutex::new(browser::storage_get(SESSION_KEY).map(UserId))),
            listeners: Listeners::default(),
            job_duration: Duration::from_millis(job_duration),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Engine> {
        self.engine.lock().expect("single-threaded")
    }

    /// The signed-in account.
    fn acting(&self) -> Result<UserId, BackendError> {
        self.user
            .lock()
            .expect("single-threaded")
            .clone()
            .ok_or(BackendError::SignedOut)
    }

    /// Remembers (or, with `None`, forgets) the signed-in account.
    fn set_user(&self, user: Option<UserId>) {
        match &user {
            // Without storage (private mode, quota) the session lasts until
            // reload.
            Some(id) => {
                let _ = browser::storage_set(SESSION_KEY, &id.0);
            }
            None => browser::storage_remove(SESSION_KEY),
        }
        *self.user.lock().expect("single-threaded") = user;
    }

    /// Reads as the signed-in user.
    fn read<T: 'static>(
        &self,
        f: impl FnOnce(&Engine, &UserId) -> Result<T, BackendError>,
    ) -> Reply<T> {
        ready(self.acting().and_then(|user| f(&self.lock(), &user)))
    }

    /// Changes the engine as the signed-in user, saves it, and reports
    /// `changed`.
    fn write<T: 'static>(
        &self,
        changed: &[Topic],
        f: impl FnOnce(&mut Engine, &UserId) -> Result<T, BackendError>,
    ) -> Reply<T> {
        let result = self.acting().and_then(|user| f(&mut self.lock(), &user));
        if result.is_err() {
            return ready(result);
        }
        let saved = self.persist();
        // Changed in this tab even if the browser could not keep it.
        self.listeners.notify(changed);
        ready(result.and_then(|value| saved.map(|()| value)))
    }

    fn persist(&self) -> Result<(), BackendError> {
        let json = store::save(&self.lock());
        browser::storage_set(KEY, &json).map_err(BackendError::Storage)
    }

    /// Drives a job: queued → running shortly after, completed after the
    /// job duration. Each step is persisted, so a reload resumes it, and
    /// reported to the listeners.
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
                if result.is_err() {
                    return;
                }
                let saved = mock.persist().is_ok();
                if state == JobState::Queued {
                    mock.listeners.notify(&[Topic::Transfers]);
                    if saved {
                        mock.run_job(job, JobState::Running);
                    }
                } else {
                    mock.listeners.notify(&TRANSFER_COMPLETED);
                }
            },
            step,
        );
    }

    /// Raises an alert on some PC every interval, as HP's analytics would
    /// (which PC and what kind follow from the seed), and reports it.
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
                    mock.listeners.notify(&[Topic::Alerts]);
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
    fn session(&self) -> Reply<Option<Session>> {
        let user = self.user.lock().expect("single-threaded").clone();
        ready(match user {
            None => Ok(None),
            // An account the data no longer has (reset in another tab) is
            // an error the page tells the user about, then signs out.
            Some(user) => self.lock().session(&user).map(Some).map_err(Into::into),
        })
    }

    fn supports_passwords(&self) -> bool {
        false
    }

    fn sign_in(&self, _email: String, _password: String) -> Reply<Session> {
        ready(Err(BackendError::NoPasswords))
    }

    fn sign_out(&self) -> Reply<()> {
        self.set_user(None);
        ready(Ok(()))
    }

    fn demo(&self) -> Option<&dyn DemoBackend> {
        Some(self)
    }

    fn subscribe(&self, listener: Listener) -> Subscription {
        self.listeners.subscribe(listener)
    }

    fn customers(&self) -> Reply<Vec<CustomerSummary>> {
        self.read(|e, user| Ok(e.customers(user)?))
    }

    fn customer(&self, id: CustomerId) -> Reply<CustomerSummary> {
        self.read(|e, user| Ok(e.customer(user, &id)?))
    }

    fn portfolio(&self) -> Reply<Portfolio> {
        self.read(|e, user| Ok(e.portfolio(user)?))
    }

    fn devices(&self, tenant: TenantId) -> Reply<Arc<Vec<Device>>> {
        self.read(|e, user| Ok(Arc::new(e.devices(user, &tenant)?)))
    }

    fn set_insights_collection(&self, customer: CustomerId, enabled: bool) -> Reply<()> {
        // The PC lists show or hide Last signed-in user and Location.
        self.write(&[Topic::Customers, Topic::Devices], |e, user| {
            Ok(e.set_insights_collection(user, &customer, enabled)?)
        })
    }

    fn locate(&self, serials: Vec<SerialNumber>) -> Reply<Vec<(SerialNumber, Place)>> {
        self.read(|e, user| Ok(e.locate(user, &serials)?))
    }

    fn submit_transfer(&self, request: TransferRequest) -> Reply<JobId> {
        let reply = self.write(&[Topic::Transfers], |e, user| {
            // A repeated request (double click, retry) is already being run.
            let repeated = e.transfers(user)?.iter().any(|j| j.key == request.key);
            Ok((e.submit_transfer(user, request, now())?, repeated))
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

    fn transfers(&self) -> Reply<Vec<TransferJob>> {
        self.read(|e, user| Ok(e.transfers(user)?))
    }

    fn transfer(&self, job: JobId) -> Reply<TransferJob> {
        self.read(|e, user| Ok(e.transfer(user, job)?))
    }

    fn notifications(&self) -> Reply<Vec<TransferJob>> {
        self.read(|e, user| Ok(e.notifications(user)?))
    }

    fn mark_read(&self, job: JobId) -> Reply<()> {
        self.write(&[Topic::Notifications], |e, user| {
            Ok(e.mark_read(user, job)?)
        })
    }

    fn create_customer(&self, new: NewCustomer) -> Reply<CustomerId> {
        self.write(&[Topic::Customers], |e, user| {
            Ok(e.create_customer(user, new)?)
        })
    }

    fn enrol(
        &self,
        customer: CustomerId,
        cpin: String,
        serials: Vec<String>,
    ) -> Reply<Vec<EnrolOutcome>> {
        self.write(&[Topic::Devices, Topic::Customers], |e, user| {
            Ok(e.enrol(user, &customer, &cpin, &serials)?)
        })
    }

    fn set_self_service_alerts(&self, customer: CustomerId, enabled: bool) -> Reply<()> {
        self.write(&[Topic::Customers], |e, user| {
            Ok(e.set_self_service_alerts(user, &customer, enabled)?)
        })
    }

    fn alerts(&self) -> Reply<Vec<Alert>> {
        self.read(|e, user| Ok(e.alerts(user)?))
    }

    fn simulate_alert(&self, serial: String, kind: AlertKind) -> Reply<AlertId> {
        self.write(&[Topic::Alerts], |e, user| {
            Ok(e.simulate_alert(user, &serial, kind, now())?)
        })
    }

    fn request_repair(&self, alert: AlertId) -> Reply<Repair> {
        self.write(&[Topic::Alerts], |e, user| {
            Ok(e.request_repair(user, alert, now())?)
        })
    }

    fn repair_requests(&self) -> Reply<Vec<Alert>> {
        self.read(|e, user| Ok(e.repair_requests(user)?))
    }

    fn schedule_repair(&self, alert: AlertId, on: Date) -> Reply<()> {
        self.write(&[Topic::Alerts], |e, user| {
            Ok(e.schedule_repair(user, alert, on, now())?)
        })
    }

    fn open_case(&self, case: NewCase) -> Reply<u64> {
        self.write(&[Topic::Cases], |e, user| {
            Ok(e.open_case(user, case, now())?)
        })
    }

    fn cases(&self) -> Reply<Vec<SupportCase>> {
        self.read(|e, user| Ok(e.cases(user)?))
    }
}

impl DemoBackend for MockBackend {
    fn accounts(&self) -> Reply<Option<Vec<Account>>> {
        ready(Ok(Some(self.lock().accounts())))
    }

    fn sign_in_demo(&self, user: UserId) -> Reply<Session> {
        let session = self.lock().session(&user);
        ready(match session {
            Ok(session) => {
                self.set_user(Some(user));
                Ok(session)
            }
            Err(e) => Err(e.into()),
        })
    }

    fn demo_config(&self) -> Reply<DemoConfig> {
        ready(Ok(self.lock().config()))
    }

    fn reset_demo(&self, config: DemoConfig) -> Reply<()> {
        *self.lock() = Engine::new(config);
        // The accounts are the seed's again: nobody is signed in.
        self.set_user(None);
        let saved = self.persist();
        self.listeners.notify(&Topic::ALL);
        ready(saved)
    }

    fn keeps_data_in_browser(&self) -> bool {
        true
    }
}
