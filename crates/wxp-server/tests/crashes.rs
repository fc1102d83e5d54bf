//! Kill -9 in the middle of writes. The server binary is killed while a
//! 10,000-PC transfer job runs, and while many customer creations,
//! enrolments and sign-ins are in flight, then started again over the same
//! database: a SQLite file, or a fresh PostgreSQL database when
//! `WXP_TEST_POSTGRES_URL` is set.
//!
//! What is stored is read through the API of the restarted server, and
//! straight from the database with connections of the test's own: right
//! after the kill, before anything could repair it, in one snapshot.

mod common;

use common::*;
use reqwest::header::{COOKIE, SET_COOKIE};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use sqlx::any::AnyPoolOptions;
use sqlx::{Any, AnyConnection, AnyPool, Connection, Executor, Transaction};
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const ALPINE: &str = "u-alpine-admin";
/// The longest wait for something that must happen.
const WAIT: Duration = Duration::from_secs(60);
const HOLDING: &str = "holding:PRT-ALPINE";

fn api(server: &ServerProcess, path: &str) -> String {
    format!("{}/api/v1{path}", server.base)
}

/// A number below `below` that differs from run to run: where a kill lands.
fn jitter(below: u64) -> u64 {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
    (now.subsec_nanos() as u64 / 1000) % below.max(1)
}

/// Polls until `check` holds, for up to `limit`: [`eventually`] with room
/// for a debug build on a busy machine (argon2 and 10,000-PC jobs).
async fn within<F, Fut>(limit: Duration, what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + limit;
    while !check().await {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

// ---------------------------------------------------------------------------
// The database, read by the test itself.

/// The test's own connections to the server's database.
struct Stored {
    pool: AnyPool,
    postgres: bool,
}

impl Stored {
    async fn open(url: &str) -> Stored {
        sqlx::any::install_default_drivers();
        let pool = AnyPoolOptions::new()
            .max_connections(2)
            .connect(url)
            .await
            .expect("the test opens the server's database");
        Stored {
            pool,
            postgres: url.starts_with("postgres"),
        }
    }

    /// One consistent snapshot: reads in it never straddle a commit.
    async fn snapshot(&self) -> Transaction<'static, Any> {
        let begin = if self.postgres {
            "BEGIN ISOLATION LEVEL REPEATABLE READ"
        } else {
            "BEGIN"
        };
        self.pool.begin_with(begin).await.unwrap()
    }
}

/// PCs per tenant, as "holding:PRT-…" / "customer:CUS-…".
async fn per_tenant(conn: &mut AnyConnection) -> BTreeMap<String, i64> {
    let rows: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT tenant_kind, tenant_id, COUNT(*) FROM devices GROUP BY tenant_kind, tenant_id",
    )
    .fetch_all(&mut *conn)
    .await
    .unwrap();
    rows.into_iter()
        .map(|(kind, id, n)| (format!("{kind}:{id}"), n))
        .collect()
}

/// Every PC's tenant, by serial number.
async fn tenant_of_each(conn: &mut AnyConnection) -> HashMap<String, String> {
    let rows: Vec<(String, String, String)> =
        sqlx::query_as("SELECT serial, tenant_kind, tenant_id FROM devices")
            .fetch_all(&mut *conn)
            .await
            .unwrap();
    rows.into_iter()
        .map(|(serial, kind, id)| (serial, format!("{kind}:{id}")))
        .collect()
}

fn total(counts: &BTreeMap<String, i64>) -> i64 {
    counts.values().sum()
}

/// A job's row and its Summary, as stored.
#[derive(Debug, PartialEq)]
struct JobFacts {
    state: String,
    completed_at: Option<i64>,
    /// Summary rows written.
    summary: i64,
    /// Of those, "Asset successfully created".
    created: i64,
}

async fn job_state(conn: &mut AnyConnection, job: i64) -> String {
    let (state,): (String,) = sqlx::query_as("SELECT state FROM transfer_jobs WHERE id = $1")
        .bind(job)
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    state
}

async fn job_facts(conn: &mut AnyConnection, job: i64) -> JobFacts {
    let (state, completed_at): (String, Option<i64>) =
        sqlx::query_as("SELECT state, completed_at FROM transfer_jobs WHERE id = $1")
            .bind(job)
            .fetch_one(&mut *conn)
            .await
            .unwrap();
    let (summary, created): (i64, i64) = sqlx::query_as(
        "SELECT COUNT(description), \
         COUNT(CASE WHEN state = 'Success' AND description = 'Asset successfully created' \
         THEN 1 END) FROM transfer_rows WHERE job_id = $1",
    )
    .bind(job)
    .fetch_one(&mut *conn)
    .await
    .unwrap();
    JobFacts {
        state,
        completed_at,
        summary,
        created,
    }
}

/// Sees whether some connection of the server holds a write transaction
/// open. PostgreSQL: a backend of the database has a transaction id (it
/// wrote or locked a row). SQLite: the write lock is taken (`BEGIN
/// IMMEDIATE` without any busy wait fails; when it succeeds, it is rolled
/// back at once, having changed nothing).
enum Probe {
    Sqlite(AnyConnection),
    Postgres(AnyConnection),
}

impl Probe {
    async fn open(url: &str) -> Probe {
        let mut conn = AnyConnection::connect(url).await.unwrap();
        if url.starts_with("postgres") {
            Probe::Postgres(conn)
        } else {
            conn.execute("PRAGMA busy_timeout = 0").await.unwrap();
            Probe::Sqlite(conn)
        }
    }

    async fn writer_open(&mut self) -> bool {
        match self {
            Probe::Postgres(conn) => {
                let (writers,): (i64,) = sqlx::query_as(
                    "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() \
                     AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL",
                )
                .fetch_one(&mut *conn)
                .await
                .unwrap();
                writers > 0
            }
            Probe::Sqlite(conn) => match conn.begin_with("BEGIN IMMEDIATE").await {
                Ok(tx) => {
                    tx.rollback().await.unwrap();
                    false
                }
                Err(e) => {
                    let text = e.to_string();
                    assert!(text.contains("locked") || text.contains("busy"), "{text}");
                    true
                }
            },
        }
    }

    /// Whether a transaction running a transfer job is open. PostgreSQL: a
    /// backend with a transaction id whose last statement is one of a
    /// job's (claiming it, reading its rows, moving PCs). SQLite: the
    /// write lock stays taken for 30 ms, longer than any other writer of
    /// an idle server holds it.
    async fn job_open(&mut self) -> bool {
        match self {
            Probe::Postgres(conn) => {
                let (running,): (i64,) = sqlx::query_as(
                    "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() \
                     AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL \
                     AND (query LIKE '%SKIP LOCKED%' OR query LIKE '%transfer_rows%' \
                          OR query LIKE '%devices%')",
                )
                .fetch_one(&mut *conn)
                .await
                .unwrap();
                running > 0
            }
            Probe::Sqlite(_) => {
                for _ in 0..3 {
                    if !self.writer_open().await {
                        return false;
                    }
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
                self.writer_open().await
            }
        }
    }
}

// ---------------------------------------------------------------------------
// 1. A 10,000-PC transfer job.

/// PCs per transfer.
const JOB: usize = 10_000;

/// How long after the job's transaction is seen open each round kills the
/// server (ms): the first ones land inside it, the last ones may land
/// after its commit.
const KILL_AFTER_MS: [u64; 6] = [0, 0, 50, 150, 400, 1000];

/// Watches the job from submission on: answers true once its transaction
/// is seen open (it is due and marked Running, and [`Probe::job_open`]),
/// false if it completed before that was seen.
async fn job_transaction_seen(stored: &Stored, probe: &mut Probe, job: i64) -> bool {
    let (due,): (i64,) = sqlx::query_as("SELECT run_after FROM transfer_jobs WHERE id = $1")
        .bind(job)
        .fetch_one(&stored.pool)
        .await
        .unwrap();
    let deadline = Instant::now() + WAIT;
    loop {
        assert!(Instant::now() < deadline, "job {job} never ran");
        let state = job_state(&mut stored.pool.acquire().await.unwrap(), job).await;
        if state == "Completed" {
            return false;
        }
        let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
        if state == "Running" && now.as_millis() as i64 >= due && probe.job_open().await {
            let state = job_state(&mut stored.pool.acquire().await.unwrap(), job).await;
            return state == "Running";
        }
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
}

#[tokio::test]
async fn kill_9_during_a_10_000_pc_transfer_then_it_completes_exactly_once_and_whole() {
    let started = Instant::now();
    let scratch = Scratch::new();
    let url = scratch.database_url();
    // Due 50 ms after submission, on the first server and on the restarted
    // ones.
    let env = [("WXP_TRANSFER_DELAY_MS", "50")];
    let mut server = ServerProcess::start(&url, &env);
    let alpine = demo_client(&server.base, ALPINE).await;
    let (status, _) = post(
        &alpine,
        api(&server, "/demo/reset"),
        json!({ "seed": 2026, "size": "Large" }),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "the large demo is seeded");
    eprintln!("large demo seeded after {:?}", started.elapsed());

    let stored = Stored::open(&url).await;
    let mut probe = Probe::open(&url).await;
    let initial = per_tenant(&mut stored.pool.acquire().await.unwrap()).await;
    assert_eq!(initial[HOLDING], 100_000);
    let mut expected = initial.clone();
    // Each completed job: its number, and its stored facts when completed.
    let mut done: Vec<(i64, JobFacts)> = Vec::new();
    let (mut inside, mut after_commit) = (0, 0);

    for (round, &kill_after) in KILL_AFTER_MS.iter().enumerate() {
        let alpine = demo_client(&server.base, ALPINE).await;
        let (status, customer) = post(
            &alpine,
            api(&server, "/customers"),
            json!({ "name": format!("Crash Target {round}"), "country": "Italy",
                    "admin_email": format!("target{round}@crash.example") }),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{customer}");
        let customer = customer.as_str().unwrap().to_owned();
        let target = format!("customer:{customer}");
        let serials: Vec<String> = sqlx::query_as::<_, (String,)>(
            "SELECT serial FROM devices WHERE tenant_kind = 'holding' \
             AND tenant_id = 'PRT-ALPINE' ORDER BY serial LIMIT 10000",
        )
        .fetch_all(&stored.pool)
        .await
        .unwrap()
        .into_iter()
        .map(|(s,)| s)
        .collect();
        assert_eq!(serials.len(), JOB);
        let rows: Vec<Value> = serials
            .iter()
            .map(|s| json!({ "serial": s, "customer": customer }))
            .collect();
        let (status, job) = post(
            &alpine,
            api(&server, "/transfers"),
            json!({ "key": format!("crash-{round}"),
                    "source": { "kind": "holding", "id": "PRT-ALPINE" }, "rows": rows }),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{job}");
        let job = job.as_i64().unwrap();

        let seen_open = job_transaction_seen(&stored, &mut probe, job).await;
        tokio::time::sleep(Duration::from_millis(kill_after)).await;
        server.kill();

        // Straight after the kill, before any restart: all or nothing.
        let mut snapshot = stored.snapshot().await;
        let facts = job_facts(&mut snapshot, job).await;
        let counts = per_tenant(&mut snapshot).await;
        snapshot.rollback().await.unwrap();
        assert_eq!(total(&counts), total(&initial), "no PC lost or added");
        let moved = counts.get(&target).copied().unwrap_or(0);
        if facts.state == "Completed" {
            after_commit += 1;
            assert_eq!((facts.summary, facts.created), (JOB as i64, JOB as i64));
            assert_eq!(moved, JOB as i64, "a completed job moved every PC");
        } else {
            if seen_open {
                inside += 1;
            }
            assert_eq!(facts.summary, 0, "no Summary before the commit: {facts:?}");
            assert_eq!(moved, 0, "no PC moved before the commit");
            assert_eq!(counts, expected, "nothing moved before the commit");
        }
        eprintln!(
            "round {round}: killed {kill_after} ms after {}; at the kill the job was {} \
             ({moved} PCs moved)",
            if seen_open {
                "the job's transaction was seen open"
            } else {
                "the job completed"
            },
            facts.state
        );

        server = ServerProcess::start(&url, &env);
        within(WAIT, "the job to complete after the restart", || async {
            let mut conn = stored.pool.acquire().await.unwrap();
            job_state(&mut conn, job).await == "Completed"
        })
        .await;
        // Through the API: completed, a Summary of 10,000 successes, and
        // the customer holds exactly the 10,000 PCs.
        let alpine = demo_client(&server.base, ALPINE).await;
        let (status, shown) = get(&alpine, api(&server, &format!("/transfers/{job}"))).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(shown["state"], "Completed");
        let results = shown["results"].as_array().unwrap();
        assert_eq!(results.len(), JOB, "one Summary row per PC");
        assert!(results
            .iter()
            .all(|r| r["state"] == "Success" && r["description"] == "Asset successfully created"));
        let (status, devices) = get(
            &alpine,
            api(&server, &format!("/customers/{customer}/devices")),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        let arrived: BTreeSet<&str> = devices
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["serial"].as_str().unwrap())
            .collect();
        let sent: BTreeSet<&str> = serials.iter().map(String::as_str).collect();
        assert_eq!(arrived, sent, "the customer holds exactly the job's PCs");
        // In the database: the 10,000 left the source, nothing else moved,
        // and every job completed so far is still as it was completed.
        *expected.get_mut(HOLDING).unwrap() -= JOB as i64;
        expected.insert(target, JOB as i64);
        let mut snapshot = stored.snapshot().await;
        assert_eq!(per_tenant(&mut snapshot).await, expected);
        let facts = job_facts(&mut snapshot, job).await;
        assert_eq!(
            (facts.summary, facts.created),
            (JOB as i64, JOB as i64),
            "the Summary says it once"
        );
        for (earlier, then) in &done {
            assert_eq!(
                &job_facts(&mut snapshot, *earlier).await,
                then,
                "job {earlier} never runs again"
            );
        }
        snapshot.rollback().await.unwrap();
        done.push((job, facts));
    }

    // The submitter is told of each job once, and the partner lists each
    // once.
    let alpine = demo_client(&server.base, ALPINE).await;
    let jobs: Vec<i64> = done.iter().map(|(j, _)| *j).collect();
    for list in ["/notifications", "/transfers"] {
        let (status, shown) = get(&alpine, api(&server, list)).await;
        assert_eq!(status, StatusCode::OK);
        let mut ids: Vec<i64> = shown
            .as_array()
            .unwrap()
            .iter()
            .map(|j| j["id"].as_i64().unwrap())
            .collect();
        ids.sort();
        assert_eq!(ids, jobs, "{list} shows each job once");
    }
    server.kill();
    eprintln!(
        "{} rounds: {inside} killed inside the job's transaction, {after_commit} after its \
         commit; {:?} in all",
        KILL_AFTER_MS.len(),
        started.elapsed()
    );
    assert!(
        inside >= 2,
        "at least two kills landed inside the job's transaction ({inside})"
    );
}

// ---------------------------------------------------------------------------
// 2. Customer creations, enrolments and sign-ins in flight.

const PASSWORD: &str = "crash test password";
const ADMINS: [&str; 3] = [
    "ada@crash-admins.example",
    "bea@crash-admins.example",
    "cy@crash-admins.example",
];
/// Customers the IT Admins enrol PCs into.
const ENROL_INTO: usize = 3;
/// PCs per enrolment.
const PER_ENROLMENT: usize = 3;
const ROUNDS: usize = 4;

/// What a client asked for.
#[derive(Debug, Clone)]
enum Ask {
    Customer {
        name: String,
        email: String,
    },
    Enrol {
        customer: String,
        serials: Vec<String>,
    },
    SignIn {
        email: String,
    },
}

/// What it was answered.
#[derive(Debug, Clone)]
enum Answer {
    /// 2xx: acknowledged, with the body and a sign-in's session cookie.
    Acked { body: Value, cookie: Option<String> },
    /// Another status: all the requests are valid, so none is expected.
    Refused { status: StatusCode, body: String },
    /// No answer: the server died first.
    Lost,
}

#[derive(Debug, Clone)]
struct Request {
    round: usize,
    ask: Ask,
    answer: Answer,
}

/// The kinds of request, as indices of [`Burst::acked`].
const CREATION: usize = 0;
const ENROLMENT: usize = 1;
const SIGN_IN: usize = 2;

/// A burst of concurrent clients until the kill.
#[derive(Default)]
struct Burst {
    stop: AtomicBool,
    /// Acknowledged customer creations, enrolments, sign-ins.
    acked: [AtomicUsize; 3],
    log: Mutex<Vec<Request>>,
}

impl Burst {
    fn acked(&self, kind: usize) -> usize {
        self.acked[kind].load(Ordering::SeqCst)
    }
}

async fn send(client: &Client, base: &str, ask: &Ask, cpins: &HashMap<String, String>) -> Answer {
    let request = match ask {
        Ask::Customer { name, email } => client
            .post(format!("{base}/api/v1/customers"))
            .json(&json!({ "name": name, "country": "Italy", "admin_email": email })),
        Ask::Enrol { customer, serials } => client
            .post(format!("{base}/api/v1/customers/{customer}/enrolments"))
            .json(&json!({ "cpin": cpins[customer], "serials": serials })),
        Ask::SignIn { email } => client
            .post(format!("{base}/api/v1/session"))
            .json(&json!({ "email": email, "password": PASSWORD })),
    };
    let Ok(response) = request.send().await else {
        return Answer::Lost;
    };
    let status = response.status();
    let cookie = response
        .headers()
        .get(SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|c| c.split(';').next())
        .map(str::to_owned);
    // A body cut short is no answer either.
    let Ok(text) = response.text().await else {
        return Answer::Lost;
    };
    if status.is_success() {
        Answer::Acked {
            body: serde_json::from_str(&text).unwrap_or(Value::Null),
            cookie,
        }
    } else {
        Answer::Refused { status, body: text }
    }
}

/// One client asking again and again until the server dies or the burst
/// stops; `next` makes each request (`None`: nothing left to ask).
fn client_loop(
    burst: Arc<Burst>,
    kind: usize,
    round: usize,
    client: Client,
    base: String,
    cpins: Arc<HashMap<String, String>>,
    mut next: impl FnMut() -> Option<Ask> + Send + 'static,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        while !burst.stop.load(Ordering::SeqCst) {
            let Some(ask) = next() else { break };
            let answer = send(&client, &base, &ask, &cpins).await;
            let lost = matches!(answer, Answer::Lost);
            if let Answer::Acked { .. } = answer {
                burst.acked[kind].fetch_add(1, Ordering::SeqCst);
            }
            burst
                .log
                .lock()
                .unwrap()
                .push(Request { round, ask, answer });
            if lost {
                break;
            }
        }
    })
}

/// Creates a partner admin who signs in with [`PASSWORD`], with the
/// binary's `create-admin`.
fn create_admin(url: &str, email: &str) -> std::process::Child {
    std::process::Command::new(env!("CARGO_BIN_EXE_wxp-server"))
        .args(["create-admin", "--email", email, "--name", "Crash Admin"])
        .args(["--partner", "PRT-ALPINE"])
        .env("WXP_DATABASE_URL", url)
        .env("WXP_ADMIN_PASSWORD", PASSWORD)
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("create-admin starts")
}

fn user_of_admin(email: &str) -> String {
    format!("u-{}", wxp_server::auth::email_key(email))
}

async fn sessions_of(conn: &mut AnyConnection, user: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM sessions WHERE user_id = $1")
        .bind(user)
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    n
}

async fn failures_of(conn: &mut AnyConnection, email: &str) -> Option<i64> {
    sqlx::query_as::<_, (i64,)>("SELECT failures FROM sign_in_failures WHERE email_key = $1")
        .bind(wxp_server::auth::email_key(email))
        .fetch_optional(&mut *conn)
        .await
        .unwrap()
        .map(|(n,)| n)
}

/// After a restart: every acknowledged write of every round is there, and
/// every request (acknowledged or not) happened wholly or not at all.
/// Answers how many requests of round `last` that got no answer were done
/// nonetheless.
async fn check_ledger(
    stored: &Stored,
    server: &ServerProcess,
    ledger: &[Request],
    pcs: i64,
    last: usize,
) -> usize {
    let mut snapshot = stored.snapshot().await;
    let tenants = tenant_of_each(&mut snapshot).await;
    let customers: Vec<(String, String, String)> =
        sqlx::query_as("SELECT id, name, partner_id FROM customers")
            .fetch_all(&mut *snapshot)
            .await
            .unwrap();
    let it_admins: Vec<(String, String)> =
        sqlx::query_as("SELECT email, customer_id FROM users WHERE customer_id IS NOT NULL")
            .fetch_all(&mut *snapshot)
            .await
            .unwrap();
    snapshot.rollback().await.unwrap();
    assert_eq!(tenants.len() as i64, pcs, "no PC lost or added");
    let by_name: HashMap<&str, (&str, &str)> = customers
        .iter()
        .map(|(id, name, partner)| (name.as_str(), (id.as_str(), partner.as_str())))
        .collect();
    let mut admins_of: HashMap<&str, Vec<&str>> = HashMap::new();
    for (email, customer) in &it_admins {
        admins_of.entry(customer).or_default().push(email);
    }
    let admin_by_email: HashMap<&str, &str> = it_admins
        .iter()
        .map(|(e, c)| (e.as_str(), c.as_str()))
        .collect();
    // No customer of this test without its IT Admin.
    for (id, name, _) in &customers {
        if name.starts_with("Crash ") {
            assert!(
                admins_of.contains_key(id.as_str()),
                "{name} has no IT Admin"
            );
        }
    }

    let alpine = demo_client(&server.base, ALPINE).await;
    let mut done_unanswered = 0;
    for Request {
        round,
        ask,
        answer: reply,
    } in ledger
    {
        let acked = matches!(reply, Answer::Acked { .. });
        let done = match ask {
            Ask::Customer { name, email } => {
                let customer = by_name.get(name.as_str());
                let admin = admin_by_email.get(email.as_str());
                match (customer, admin) {
                    (Some((id, partner)), Some(of)) => {
                        assert_eq!(of, id, "{email} is the IT Admin of {name}");
                        assert_eq!(*partner, "PRT-ALPINE");
                        if let Answer::Acked { body, .. } = reply {
                            assert_eq!(body, id, "{name} has the acknowledged ID");
                            let (status, shown) =
                                get(&alpine, api(server, &format!("/customers/{id}"))).await;
                            assert_eq!(status, StatusCode::OK, "{name}: {shown}");
                            assert_eq!(shown["customer"]["name"], name.as_str());
                        }
                        true
                    }
                    (None, None) => false,
                    _ => panic!("round {round}: {name} half created: {customer:?} {admin:?}"),
                }
            }
            Ask::Enrol { customer, serials } => {
                let target = format!("customer:{customer}");
                let arrived = serials.iter().filter(|s| tenants[*s] == target).count();
                let stayed = serials.iter().filter(|s| tenants[*s] == HOLDING).count();
                assert_eq!(
                    arrived + stayed,
                    serials.len(),
                    "{serials:?} went elsewhere"
                );
                assert!(
                    arrived == 0 || arrived == serials.len(),
                    "round {round}: enrolment of {serials:?} into {customer} half done"
                );
                if let Answer::Acked { body, .. } = reply {
                    let outcomes: Vec<&Value> = body.as_array().unwrap().iter().collect();
                    assert_eq!(outcomes.len(), serials.len());
                    assert!(outcomes.iter().all(|o| *o == "Enrolled"), "{body}");
                }
                arrived > 0
            }
            Ask::SignIn { email } => {
                if let Answer::Acked { cookie, .. } = reply {
                    let cookie = cookie.as_ref().expect("a sign-in sets its cookie");
                    let r = Client::new()
                        .get(api(server, "/session"))
                        .header(COOKIE, cookie)
                        .send()
                        .await
                        .unwrap();
                    let (status, session) = answer(r).await;
                    assert_eq!(status, StatusCode::OK, "round {round}: {email}'s session");
                    assert_eq!(session["user"]["email"], email.as_str());
                }
                // Whether an unanswered sign-in was done is checked per
                // round, by its account's sessions and failures.
                acked
            }
        };
        if acked {
            assert!(done, "round {round}: acknowledged {ask:?} is missing");
        } else if done && *round == last {
            done_unanswered += 1;
        }
    }
    done_unanswered
}

#[tokio::test]
async fn kill_9_amid_customer_creations_enrolments_and_sign_ins_keeps_all_acknowledged_and_nothing_half_done(
) {
    let started = Instant::now();
    let scratch = Scratch::new();
    let url = scratch.database_url();
    let mut server = ServerProcess::start(&url, &[]);
    let stored = Stored::open(&url).await;
    let mut probe = Probe::open(&url).await;
    for email in ADMINS {
        // One after the other: create-admin does not run its transaction
        // again after a serialization failure (SQLSTATE 40001) on
        // PostgreSQL, so concurrent runs may fail.
        let created = create_admin(&url, email).wait().unwrap();
        assert!(created.success(), "create-admin {email} succeeds");
    }

    // The customers PCs are enrolled into, and their IT Admins.
    let alpine = demo_client(&server.base, ALPINE).await;
    let mut targets = Vec::new();
    let mut cpins = HashMap::new();
    for i in 0..ENROL_INTO {
        let (status, id) = post(
            &alpine,
            api(&server, "/customers"),
            json!({ "name": format!("Crash Enrol {i}"), "country": "Italy",
                    "admin_email": format!("enrol{i}@crash.example") }),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{id}");
        let id = id.as_str().unwrap().to_owned();
        let (cpin,): (String,) = sqlx::query_as("SELECT cpin FROM customers WHERE id = $1")
            .bind(&id)
            .fetch_one(&stored.pool)
            .await
            .unwrap();
        cpins.insert(id.clone(), cpin);
        targets.push(id);
    }
    let cpins = Arc::new(cpins);
    let holding: Vec<(String,)> = sqlx::query_as(
        "SELECT serial FROM devices WHERE tenant_kind = 'holding' AND tenant_id = 'PRT-ALPINE' \
         ORDER BY serial",
    )
    .fetch_all(&stored.pool)
    .await
    .unwrap();
    let mut unassigned: VecDeque<String> = holding.into_iter().map(|(s,)| s).collect();
    let pcs = total(&per_tenant(&mut stored.pool.acquire().await.unwrap()).await);

    let mut ledger: Vec<Request> = Vec::new();
    for round in 0..ROUNDS {
        // Each admin has failed to sign in twice (not yet slowed down): a
        // sign-in that is done clears that with the session it starts.
        let mut sessions_before = HashMap::new();
        for email in ADMINS {
            sqlx::query(
                "INSERT INTO sign_in_failures (email_key, failures, last_failure_at) \
                 VALUES ($1, 2, 0) ON CONFLICT (email_key) DO UPDATE SET failures = 2",
            )
            .bind(wxp_server::auth::email_key(email))
            .execute(&stored.pool)
            .await
            .unwrap();
            let mut conn = stored.pool.acquire().await.unwrap();
            sessions_before.insert(email, sessions_of(&mut conn, &user_of_admin(email)).await);
        }

        // This round's share of the Unassigned Devices, for enrolments.
        let share = unassigned.len() / (ROUNDS - round);
        let this_round = Arc::new(Mutex::new(
            unassigned.drain(..share).collect::<VecDeque<_>>(),
        ));
        let burst = Arc::new(Burst::default());
        let mut clients = Vec::new();
        // Sign-ins first: each one checks an Argon2id hash, which takes a
        // while; the other requests join once one sign-in is through, so
        // that they are all still coming when the server is killed.
        for email in ADMINS {
            clients.push(client_loop(
                burst.clone(),
                SIGN_IN,
                round,
                Client::new(),
                server.base.clone(),
                cpins.clone(),
                move || {
                    Some(Ask::SignIn {
                        email: email.to_owned(),
                    })
                },
            ));
        }
        within(WAIT, "a sign-in to be acknowledged", || async {
            burst.acked(SIGN_IN) >= 1
        })
        .await;
        let alpine = demo_client(&server.base, ALPINE).await;
        for worker in 0..3 {
            let mut n = 0;
            clients.push(client_loop(
                burst.clone(),
                CREATION,
                round,
                alpine.clone(),
                server.base.clone(),
                cpins.clone(),
                move || {
                    n += 1;
                    Some(Ask::Customer {
                        name: format!("Crash Co {round}-{worker}-{n}"),
                        email: format!("it-{round}-{worker}-{n}@crash.example"),
                    })
                },
            ));
        }
        for customer in &targets {
            let it_admin =
                demo_client(&server.base, &format!("u-{}", customer.to_lowercase())).await;
            let unassigned = this_round.clone();
            let customer = customer.clone();
            clients.push(client_loop(
                burst.clone(),
                ENROLMENT,
                round,
                it_admin,
                server.base.clone(),
                cpins.clone(),
                move || {
                    let mut queue = unassigned.lock().unwrap();
                    (queue.len() >= PER_ENROLMENT).then(|| Ask::Enrol {
                        customer: customer.clone(),
                        serials: queue.drain(..PER_ENROLMENT).collect(),
                    })
                },
            ));
        }

        // Kill -9 once each kind has been acknowledged: every client has a
        // request in flight then.
        within(WAIT, "each kind of request to be acknowledged", || async {
            burst.acked(CREATION) >= 3 && burst.acked(ENROLMENT) >= 3
        })
        .await;
        // Then at a random-ish moment, the first time a write transaction
        // of the server is open.
        tokio::time::sleep(Duration::from_millis(jitter(250))).await;
        let deadline = Instant::now() + WAIT;
        while !probe.writer_open().await {
            assert!(Instant::now() < deadline, "no write transaction ever open");
            // Leaves the write lock to the server's writers on SQLite.
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        server.kill();
        burst.stop.store(true, Ordering::SeqCst);
        for client in clients {
            client.await.unwrap();
        }
        let log = std::mem::take(&mut *burst.log.lock().unwrap());
        let refused: Vec<String> = log
            .iter()
            .filter_map(|r| match &r.answer {
                Answer::Refused { status, body } => Some(format!("{:?}: {status} {body}", r.ask)),
                _ => None,
            })
            .collect();
        assert!(refused.is_empty(), "valid requests refused: {refused:#?}");
        let lost = log
            .iter()
            .filter(|r| matches!(r.answer, Answer::Lost))
            .count();
        let acked = [CREATION, ENROLMENT, SIGN_IN].map(|k| burst.acked(k));
        assert!(lost >= 1, "some requests were in flight at the kill");

        server = ServerProcess::start(&url, &[]);
        ledger.extend(log);
        let done_unanswered = check_ledger(&stored, &server, &ledger, pcs, round).await;

        // Sign-ins: each one done started a session and cleared the
        // failures, in one transaction.
        let mut conn = stored.pool.acquire().await.unwrap();
        for email in ADMINS {
            let answered = ledger
                .iter()
                .filter(|r| r.round == round)
                .filter(|r| matches!(&r.ask, Ask::SignIn { email: e } if e == email))
                .filter(|r| matches!(r.answer, Answer::Acked { .. }))
                .count() as i64;
            let new_sessions =
                sessions_of(&mut conn, &user_of_admin(email)).await - sessions_before[email];
            let failures = failures_of(&mut conn, email).await;
            assert!(
                new_sessions >= answered,
                "{email}: {new_sessions} sessions, {answered} answered"
            );
            if new_sessions > 0 {
                assert_eq!(
                    failures, None,
                    "{email} signed in: its failures are cleared"
                );
            } else {
                assert_eq!(
                    failures,
                    Some(2),
                    "{email} never signed in: its failures stay"
                );
            }
        }
        drop(conn);
        eprintln!(
            "round {round}: killed after {acked:?} acknowledged creations / enrolments / \
             sign-ins, {lost} requests unanswered; {done_unanswered} unanswered ones \
             were done whole ({:?})",
            started.elapsed()
        );
    }
    server.kill();
    eprintln!("{:?} in all", started.elapsed());
}
