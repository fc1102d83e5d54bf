//! Load generator: N concurrent partner admins use running servers.
//!
//! Each simulated user signs in through the demo sign-in (its own session
//! cookie), holds the page's live-update stream open, and then, until the
//! load ends, picks an action, does it, and waits a random think time:
//! opens the customer list, a customer (its record and its PCs),
//! Unassigned Devices, the transfers, the notifications, the alerts, Home;
//! reviews a file of serial numbers (`POST /devices/locate`); or reviews a
//! file and submits it as a transfer (`POST /transfers`: PCs from
//! Unassigned Devices or from one customer to another of the same partner,
//! so the number of PCs stays the same). Users are spread round-robin over
//! the demo partners' admins and over the base URLs given (several server
//! processes sharing one database).
//!
//! While the load runs, one large transfer (10,000 PCs of Alpine's
//! Unassigned Devices, from the large demo) is submitted and the time from
//! submit to Completed is measured.
//!
//! It prints, per route, requests, requests per second, p50 / p99 / max
//! latency and errors (any non-2xx answer or transport error), the large
//! transfer's time, and a verdict against the targets: reads p99 ≤ 50 ms,
//! no error responses, the 10,000-PC transfer ≤ 1 s.
//!
//! ```sh
//! cargo run --release -p wxp-server --example load -- http://127.0.0.1:8080
//! ```
//!
//! `load --help` lists the options. It starts no server: `scripts/load.sh`
//! starts them (SQLite, PostgreSQL with one and with two processes).

use reqwest::header::{ACCEPT_ENCODING, CONTENT_ENCODING};
use reqwest::{Client, RequestBuilder};
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use wxp_core::rng::Rng;

const USAGE: &str = "\
usage: load [options] BASE_URL [BASE_URL...]
  BASE_URL                a running demo-mode server, e.g. http://127.0.0.1:8080;
                          with several, users are spread over them round-robin
  --users N               concurrent partner admins (200)
  --seconds S             how long the load lasts (30)
  --think MIN-MAX         think time between a user's actions, in ms, uniform
                          random (500-1500)
  --big-transfer N        PCs in the transfer measured under load (10000; 0: none)
  --big-transfer-at S     when it is submitted, seconds into the load (a third of it)
  --no-reset              keep the data; by default the demo data is first reset
                          to the large demo (100,000 PCs in Alpine's Unassigned
                          Devices)
  --after-reset CMD        run the shell command CMD after the reset, before the
                          load (e.g. ANALYZE with psql: a diagnosis, not the server)
  --no-events             users hold no live-update stream (GET /events)
  --large-list-share P    percent of Alpine admins' actions that open Alpine's
                          100,000-PC Unassigned Devices (0); the other partners
                          open theirs in 10 % of actions
  --timeline S            also print the users' reads per window of S seconds
                          (requests, p50, p99, max), to see when latency rises
  --label TEXT            the configuration's name, printed in the report
  --seed N                the random seed (1)";

/// What the run was asked for.
#[derive(Debug, Clone)]
struct Options {
    bases: Vec<String>,
    users: usize,
    seconds: f64,
    think: (u64, u64),
    big_transfer: usize,
    big_transfer_at: Option<f64>,
    reset: bool,
    after_reset: Option<String>,
    events: bool,
    large_list_share: u64,
    label: String,
    seed: u64,
    timeline: f64,
}

fn parse_options() -> Result<Options, String> {
    let mut o = Options {
        bases: Vec::new(),
        users: 200,
        seconds: 30.0,
        think: (500, 1500),
        big_transfer: 10_000,
        big_transfer_at: None,
        reset: true,
        after_reset: None,
        events: true,
        large_list_share: 0,
        label: String::new(),
        seed: 1,
        timeline: 0.0,
    };
    let mut args = std::env::args().skip(1);
    fn number<T: std::str::FromStr>(flag: &str, v: Option<String>) -> Result<T, String> {
        let v = v.ok_or_else(|| format!("{flag} needs a value"))?;
        v.parse()
            .map_err(|_| format!("{flag}: {v:?} is not a number"))
    }
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            "--users" => o.users = number(&arg, args.next())?,
            "--seconds" => o.seconds = number(&arg, args.next())?,
            "--think" => {
                let v = args.next().ok_or("--think needs MIN-MAX")?;
                let (lo, hi) = v
                    .split_once('-')
                    .ok_or_else(|| format!("--think: {v:?} is not MIN-MAX"))?;
                o.think = (
                    number(&arg, Some(lo.into()))?,
                    number(&arg, Some(hi.into()))?,
                );
                if o.think.0 > o.think.1 {
                    return Err(format!("--think: {v:?}: MIN is above MAX"));
                }
            }
            "--big-transfer" => o.big_transfer = number(&arg, args.next())?,
            "--big-transfer-at" => o.big_transfer_at = Some(number(&arg, args.next())?),
            "--no-reset" => o.reset = false,
            "--after-reset" => {
                o.after_reset = Some(args.next().ok_or("--after-reset needs a command")?)
            }
            "--no-events" => o.events = false,
            "--large-list-share" => o.large_list_share = number(&arg, args.next())?,
            "--label" => o.label = args.next().ok_or("--label needs a value")?,
            "--seed" => o.seed = number(&arg, args.next())?,
            "--timeline" => o.timeline = number(&arg, args.next())?,
            a if a.starts_with("http://") || a.starts_with("https://") => {
                o.bases.push(a.trim_end_matches('/').to_owned())
            }
            a => return Err(format!("unknown argument {a:?}")),
        }
    }
    if o.bases.is_empty() {
        return Err("give at least one base URL".to_owned());
    }
    if o.users == 0 || o.seconds <= 0.0 {
        return Err("--users and --seconds must be positive".to_owned());
    }
    Ok(o)
}

/// A demo partner, and what its admins act on.
struct Partner {
    id: &'static str,
    name: &'static str,
    admin: &'static str,
    /// Its setup is complete: it has Unassigned Devices.
    holding: bool,
    /// Its customers' IDs, as the setup found them.
    customers: Vec<String>,
    /// Serial numbers of its Unassigned Devices that users may transfer
    /// (for Alpine, not those of the large transfer).
    holding_serials: Vec<String>,
}

const PARTNERS: [(&str, &str, &str, bool); 3] = [
    ("PRT-ALPINE", "Alpine", "u-alpine-admin", true),
    ("PRT-BRIGHT", "Brightline", "u-bright-admin", true),
    ("PRT-COBALT", "Cobalt", "u-cobalt-admin", false),
];

/// Latencies and errors of one route.
#[derive(Default)]
struct RouteStats {
    /// Microseconds, one per request.
    latencies: Vec<u64>,
    bytes: u64,
    errors: u64,
}

/// What a set of users saw.
#[derive(Default)]
struct Stats {
    routes: BTreeMap<&'static str, RouteStats>,
    /// "route: what went wrong" → how many times, and the first message.
    errors: BTreeMap<String, (u64, String)>,
    /// Rows of submitted transfers, and actions done.
    transfer_rows: u64,
    actions: u64,
    /// When each request started, and its latency in microseconds.
    timeline: Vec<(Instant, u64, &'static str)>,
}

impl Stats {
    fn merge(&mut self, other: Stats) {
        for (route, s) in other.routes {
            let mine = self.routes.entry(route).or_default();
            mine.latencies.extend(s.latencies);
            mine.bytes += s.bytes;
            mine.errors += s.errors;
        }
        for (kind, (n, first)) in other.errors {
            self.errors.entry(kind).or_insert((0, first)).0 += n;
        }
        self.transfer_rows += other.transfer_rows;
        self.actions += other.actions;
        self.timeline.extend(other.timeline);
    }

    fn record(&mut self, outcome: &Outcome) {
        let s = self.routes.entry(outcome.route).or_default();
        let micros = outcome.elapsed.as_micros() as u64;
        s.latencies.push(micros);
        self.timeline.push((outcome.started, micros, outcome.route));
        match &outcome.result {
            Ok(reply) => s.bytes += reply.body.len() as u64,
            Err((kind, message)) => {
                s.errors += 1;
                self.errors
                    .entry(format!("{}: {kind}", outcome.route))
                    .or_insert((0, message.clone()))
                    .0 += 1;
            }
        }
    }
}

/// A 2xx answer's body as it came over the wire.
struct Reply {
    body: Vec<u8>,
    gzip: bool,
}

impl Reply {
    fn json(&self) -> Option<Value> {
        if self.gzip {
            let mut text = Vec::new();
            flate2::read::GzDecoder::new(&self.body[..])
                .read_to_end(&mut text)
                .ok()?;
            serde_json::from_slice(&text).ok()
        } else {
            serde_json::from_slice(&self.body).ok()
        }
    }
}

/// One request: its route template, its time from send to the last byte of
/// the body, and its answer (or what went wrong: status or transport).
struct Outcome {
    route: &'static str,
    started: Instant,
    elapsed: Duration,
    result: Result<Reply, (String, String)>,
}

impl Outcome {
    fn json(&self) -> Option<Value> {
        self.result.as_ref().ok()?.json()
    }
}

/// Sends a request as a browser would (accepting gzip) and reads the whole
/// answer.
async fn call(route: &'static str, request: RequestBuilder) -> Outcome {
    let started = Instant::now();
    let result = async {
        let response = request
            .header(ACCEPT_ENCODING, "gzip")
            .send()
            .await
            .map_err(|e| ("transport error".to_owned(), e.to_string()))?;
        let status = response.status();
        let gzip = response
            .headers()
            .get(CONTENT_ENCODING)
            .is_some_and(|v| v == "gzip");
        let body = response
            .bytes()
            .await
            .map_err(|e| ("transport error".to_owned(), e.to_string()))?;
        let body = body.to_vec();
        if status.is_success() {
            Ok(Reply { body, gzip })
        } else {
            let reply = Reply { body, gzip };
            let message = reply
                .json()
                .and_then(|v| v["message"].as_str().map(str::to_owned))
                .unwrap_or_default();
            Err((format!("HTTP {status}"), message))
        }
    }
    .await;
    Outcome {
        route,
        started,
        elapsed: started.elapsed(),
        result,
    }
}

fn new_client() -> Client {
    Client::builder()
        .cookie_store(true)
        .pool_max_idle_per_host(4)
        .timeout(Duration::from_secs(60))
        .build()
        .expect("an HTTP client")
}

/// What every user shares.
struct Shared {
    partners: Vec<Partner>,
    options: Options,
    /// When the load ends: no action starts after it.
    deadline: Instant,
    run: u64,
    events: AtomicU64,
}

/// One simulated partner admin.
struct User {
    index: usize,
    client: Client,
    api: String,
    partner: usize,
    rng: Rng,
    stats: Stats,
    /// The PCs the user last saw in each customer's dashboard.
    seen: HashMap<String, Vec<String>>,
    submitted: u64,
    shared: Arc<Shared>,
}

fn serials_of(list: &Value) -> Vec<String> {
    list.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|d| d["serial"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// A serial number no PC has (a typo in a file): ten characters, digits and
/// capitals, starting with Z.
fn unknown_serial(rng: &mut Rng) -> String {
    const CHARS: &[u8] = b"0123456789ABCDEFGHJKLMNPQRSTUVWXY";
    let mut s = String::from("ZZ");
    while s.len() < 10 {
        s.push(*rng.pick(CHARS) as char);
    }
    s
}

impl User {
    fn partner(&self) -> &Partner {
        &self.shared.partners[self.partner]
    }

    async fn get(&mut self, route: &'static str, path: &str) -> Outcome {
        let outcome = call(route, self.client.get(format!("{}{path}", self.api))).await;
        self.stats.record(&outcome);
        outcome
    }

    async fn post(&mut self, route: &'static str, path: &str, body: &Value) -> Outcome {
        let outcome = call(
            route,
            self.client.post(format!("{}{path}", self.api)).json(body),
        )
        .await;
        self.stats.record(&outcome);
        outcome
    }

    async fn think(&mut self) {
        let (lo, hi) = self.shared.options.think;
        let ms = self.rng.between(lo as i64, hi as i64) as u64;
        tokio::time::sleep(Duration::from_millis(ms)).await;
    }

    fn random_customer(&mut self) -> Option<String> {
        let customers = &self.shared.partners[self.partner].customers;
        if customers.is_empty() {
            return None;
        }
        Some(self.rng.pick(customers).clone())
    }

    /// Opens a customer: its record and its PCs, at once, as the page does.
    async fn open_customer(&mut self, id: &str) {
        let one = call(
            "GET /customers/{id}",
            self.client.get(format!("{}/customers/{id}", self.api)),
        );
        let devices = call(
            "GET /customers/{id}/devices",
            self.client
                .get(format!("{}/customers/{id}/devices", self.api)),
        );
        let (one, devices) = tokio::join!(one, devices);
        self.stats.record(&one);
        self.stats.record(&devices);
        if let Some(list) = devices.json() {
            self.seen.insert(id.to_owned(), serials_of(&list));
        }
    }

    /// Picks `n` of `pool` at random (fewer if it holds fewer).
    fn sample(&mut self, pool: &[String], n: usize) -> Vec<String> {
        let mut picked: Vec<String> = Vec::with_capacity(n);
        for _ in 0..n.min(pool.len()) * 2 {
            if picked.len() == n.min(pool.len()) {
                break;
            }
            let s = self.rng.pick(pool);
            if !picked.contains(s) {
                picked.push(s.clone());
            }
        }
        picked
    }

    /// A transfer file: its source and its serial numbers, from what the
    /// user has seen (a customer's PCs) or from Unassigned Devices.
    async fn file(&mut self) -> Option<(Value, Option<String>, Vec<String>)> {
        let rows = self.rng.between(1, 50) as usize;
        let holding = self.partner().holding && self.rng.chance(30);
        let (source, source_customer, mut serials) = if holding {
            let shared = self.shared.clone();
            let serials = self.sample(&shared.partners[self.partner].holding_serials, rows);
            let id = self.partner().id;
            (json!({ "kind": "holding", "id": id }), None, serials)
        } else {
            let customer = self.random_customer()?;
            if !self.seen.contains_key(&customer) {
                self.open_customer(&customer).await;
                self.think().await;
            }
            let pool = self.seen.get(&customer).cloned().unwrap_or_default();
            let serials = self.sample(&pool, rows);
            (
                json!({ "kind": "customer", "id": customer }),
                Some(customer),
                serials,
            )
        };
        if self.rng.chance(20) {
            serials.push(unknown_serial(&mut self.rng));
        }
        if serials.is_empty() {
            return None;
        }
        Some((source, source_customer, serials))
    }

    /// Reviews a file (where are its PCs?), and maybe submits it.
    async fn review(&mut self, submit: bool) {
        let Some((source, source_customer, serials)) = self.file().await else {
            return;
        };
        let located = self
            .post("POST /devices/locate", "/devices/locate", &json!(serials))
            .await;
        if !submit || located.result.is_err() {
            return;
        }
        self.think().await;
        let customers = self.partner().customers.clone();
        let targets: Vec<&String> = customers
            .iter()
            .filter(|c| Some(*c) != source_customer.as_ref())
            .collect();
        if targets.is_empty() {
            return;
        }
        let target = (*self.rng.pick(&targets)).clone();
        self.submitted += 1;
        let key = format!("load-{}-{}-{}", self.shared.run, self.index, self.submitted);
        let rows: Vec<Value> = serials
            .iter()
            .map(|s| json!({ "serial": s, "customer": target }))
            .collect();
        self.stats.transfer_rows += rows.len() as u64;
        let request = json!({ "key": key, "source": source, "rows": rows });
        let outcome = self.post("POST /transfers", "/transfers", &request).await;
        if outcome.result.is_ok() {
            if let Some(source) = source_customer {
                if let Some(seen) = self.seen.get_mut(&source) {
                    seen.retain(|s| !serials.contains(s));
                }
            }
        }
    }

    /// One action of a partner admin, by weight.
    async fn act(&mut self) {
        self.stats.actions += 1;
        let partner = self.partner();
        let (id, holding, alpine) = (partner.id, partner.holding, partner.id == "PRT-ALPINE");
        let large_share = self.shared.options.large_list_share;
        if alpine && large_share > 0 && self.rng.chance(large_share) {
            self.get(
                "GET /partners/{partner}/unassigned-devices (100,000 PCs)",
                &format!("/partners/{id}/unassigned-devices"),
            )
            .await;
            return;
        }
        match self.rng.below(100) {
            0..20 => {
                self.get("GET /customers", "/customers").await;
            }
            20..45 => {
                if let Some(c) = self.random_customer() {
                    self.open_customer(&c).await;
                }
            }
            45..55 if holding && !alpine => {
                self.get(
                    "GET /partners/{partner}/unassigned-devices",
                    &format!("/partners/{id}/unassigned-devices"),
                )
                .await;
            }
            45..55 => {
                // Alpine's own list is --large-list-share; Cobalt has none.
                self.get("GET /portfolio", "/portfolio").await;
            }
            55..65 => {
                self.get("GET /transfers", "/transfers").await;
            }
            65..75 => {
                self.get("GET /notifications", "/notifications").await;
            }
            75..85 => {
                self.get("GET /alerts", "/alerts").await;
            }
            85..90 => {
                self.get("GET /portfolio", "/portfolio").await;
            }
            90..95 => self.review(false).await,
            _ => self.review(true).await,
        }
    }

    /// Acts until the deadline, waiting a think time between actions.
    async fn run(mut self) -> Stats {
        // Users arrive over the first think time, not all at once; then the
        // page loads: who am I, Home.
        let arrival = self.rng.below(self.shared.options.think.1.max(1));
        tokio::time::sleep(Duration::from_millis(arrival)).await;
        self.get("GET /session", "/session").await;
        self.get("GET /portfolio", "/portfolio").await;
        while Instant::now() < self.shared.deadline {
            self.think().await;
            if Instant::now() >= self.shared.deadline {
                break;
            }
            self.act().await;
        }
        self.stats
    }
}

/// Holds the page's live-update stream open until the load ends, counting
/// the events that arrive.
async fn listen(client: Client, api: String, shared: Arc<Shared>) -> Stats {
    let mut stats = Stats::default();
    let started = Instant::now();
    let response = client.get(format!("{api}/events")).send().await;
    let route = "GET /events (stream opened)";
    let mut response = match response {
        Ok(r) if r.status().is_success() => {
            stats.record(&Outcome {
                route,
                started,
                elapsed: started.elapsed(),
                result: Ok(Reply {
                    body: Vec::new(),
                    gzip: false,
                }),
            });
            r
        }
        Ok(r) => {
            let status = r.status();
            stats.record(&Outcome {
                route,
                started,
                elapsed: started.elapsed(),
                result: Err((format!("HTTP {status}"), String::new())),
            });
            return stats;
        }
        Err(e) => {
            stats.record(&Outcome {
                route,
                started,
                elapsed: started.elapsed(),
                result: Err(("transport error".to_owned(), e.to_string())),
            });
            return stats;
        }
    };
    let until = shared.deadline + Duration::from_secs(2);
    loop {
        match tokio::time::timeout_at(until.into(), response.chunk()).await {
            Err(_) => break,
            Ok(Ok(Some(chunk))) => {
                let events = chunk.windows(5).filter(|w| w == b"data:").count();
                shared.events.fetch_add(events as u64, Ordering::Relaxed);
            }
            Ok(Ok(None)) => {
                if Instant::now() < shared.deadline {
                    stats.record(&Outcome {
                        route: "GET /events (stream)",
                        started,
                        elapsed: started.elapsed(),
                        result: Err((
                            "ended before the load did".to_owned(),
                            "the server closed the stream".to_owned(),
                        )),
                    });
                }
                break;
            }
            Ok(Err(e)) => {
                stats.record(&Outcome {
                    route: "GET /events (stream)",
                    started,
                    elapsed: started.elapsed(),
                    result: Err(("transport error".to_owned(), e.to_string())),
                });
                break;
            }
        }
    }
    stats
}

/// A signed-in client of `user` on `api`.
async fn sign_in(api: &str, user: &str, stats: &mut Stats) -> Client {
    let client = new_client();
    let outcome = call(
        "POST /demo/session",
        client
            .post(format!("{api}/demo/session"))
            .json(&json!({ "user": user })),
    )
    .await;
    stats.record(&outcome);
    client
}

/// What the large transfer showed.
struct BigTransfer {
    rows: usize,
    target: String,
    /// From the first submission to the answer that queued it.
    queued: Duration,
    /// Submissions sent (the same key again after a 503 or a transport
    /// error, as the page's retry would).
    attempts: usize,
    completed: Option<Duration>,
    successes: usize,
    polls: usize,
    error: Option<String>,
    /// When it was first submitted.
    submitted_at: Option<Instant>,
    /// Its own requests: in the table, each error counted, but not in the
    /// reads' verdict (they measure, they are not a user's).
    stats: Stats,
}

const BIG_SUBMIT: &str = "POST /transfers (the 10,000-PC one, measuring)";
const BIG_POLL: &str = "GET /transfers (its job's state, polled, measuring)";

/// Submits the large transfer and waits for it to complete: its state is
/// read from the partner's list (`GET /transfers`, as the page's dialog
/// reads it) at once on each live update of the
/// transfers, at most every 50 ms and at least every 100 ms.
async fn big_transfer(
    api: String,
    serials: Vec<String>,
    target: (String, String),
    key: String,
) -> BigTransfer {
    let mut setup = Stats::default();
    let client = sign_in(&api, "u-alpine-admin", &mut setup).await;
    let mut result = BigTransfer {
        rows: serials.len(),
        target: target.1,
        queued: Duration::ZERO,
        attempts: 0,
        completed: None,
        successes: 0,
        polls: 0,
        error: None,
        submitted_at: None,
        stats: Stats::default(),
    };
    let (tx, mut woken) = tokio::sync::mpsc::unbounded_channel::<()>();
    let events = client.get(format!("{api}/events")).send().await;
    let listener = tokio::spawn(async move {
        if let Ok(mut r) = events {
            while let Ok(Some(chunk)) = r.chunk().await {
                if chunk.windows(11).any(|w| w == b"\"transfers\"") && tx.send(()).is_err() {
                    break;
                }
            }
        }
    });
    let rows: Vec<Value> = serials
        .iter()
        .map(|s| json!({ "serial": s, "customer": target.0 }))
        .collect();
    let request = json!({
        "key": key,
        "source": { "kind": "holding", "id": "PRT-ALPINE" },
        "rows": rows,
    });
    let started = Instant::now();
    result.submitted_at = Some(started);
    let mut job = None;
    while result.attempts < 10 && job.is_none() {
        result.attempts += 1;
        let submitted = call(
            BIG_SUBMIT,
            client.post(format!("{api}/transfers")).json(&request),
        )
        .await;
        result.stats.record(&submitted);
        match (&submitted.result, submitted.json()) {
            (Ok(_), Some(Value::Number(n))) => job = n.as_u64(),
            (Err((kind, message)), _) => {
                result.error = Some(format!("submitting it failed: {kind} {message}"));
                let again = kind == "transport error" || kind.contains("503");
                if !again {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            _ => {
                result.error = Some("the submission's answer is not a job number".to_owned());
                break;
            }
        }
    }
    result.queued = started.elapsed();
    let Some(job) = job else {
        listener.abort();
        return result;
    };
    result.error = None;
    let give_up = started + Duration::from_secs(120);
    let mut last_poll = Instant::now() - Duration::from_secs(1);
    while Instant::now() < give_up {
        let wait = Duration::from_millis(50).saturating_sub(last_poll.elapsed());
        tokio::time::sleep(wait).await;
        let _ = tokio::time::timeout(Duration::from_millis(50), woken.recv()).await;
        while woken.try_recv().is_ok() {}
        last_poll = Instant::now();
        result.polls += 1;
        let read = call(BIG_POLL, client.get(format!("{api}/transfers"))).await;
        result.stats.record(&read);
        let listed = read.json().and_then(|list| {
            list.as_array()?
                .iter()
                .find(|j| j["id"].as_u64() == Some(job))
                .cloned()
        });
        let Some(state) = listed else {
            if let Err((kind, message)) = &read.result {
                result.error = Some(format!("reading the job failed: {kind} {message}"));
            }
            continue;
        };
        if state["state"] == "Completed" {
            result.completed = Some(started.elapsed());
            result.successes = state["succeeded"].as_u64().unwrap_or_default() as usize;
            result.error = None;
            break;
        }
    }
    listener.abort();
    result
}

/// The users' transfer jobs, by state, as the partners' transfer lists
/// show them.
async fn job_states(bases: &[String], run: u64) -> BTreeMap<String, usize> {
    let mut states = BTreeMap::new();
    let prefix = format!("load-{run}-");
    let api = format!("{}/api/v1", bases[0]);
    for (_, _, admin, _) in PARTNERS {
        let mut setup = Stats::default();
        let client = sign_in(&api, admin, &mut setup).await;
        let list = call("GET /transfers", client.get(format!("{api}/transfers")))
            .await
            .json();
        for job in list
            .as_ref()
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let key = job["key"].as_str().unwrap_or_default();
            if key.starts_with(&prefix) && !key.ends_with("-big") {
                let state = job["state"].as_str().unwrap_or("?").to_owned();
                *states.entry(state).or_default() += 1;
            }
        }
    }
    states
}

/// Reads what the users act on: each partner's customers, and Unassigned
/// Devices' serial numbers.
async fn prepare(options: &Options) -> Result<Vec<Partner>, String> {
    let api = format!("{}/api/v1", options.bases[0]);
    let mut setup = Stats::default();
    if options.reset {
        let started = Instant::now();
        let reset = call(
            "POST /demo/reset",
            new_client()
                .post(format!("{api}/demo/reset"))
                .json(&json!({ "seed": 2026, "size": "Large" })),
        )
        .await;
        if let Err((kind, message)) = reset.result {
            return Err(format!("resetting the demo data failed: {kind} {message}"));
        }
        println!(
            "Demo data reset to the large demo (100,000 PCs in Alpine's Unassigned Devices) in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    if let Some(command) = &options.after_reset {
        let status = std::process::Command::new("sh")
            .arg("-c")
            .arg(command)
            .status()
            .map_err(|e| format!("{command}: {e}"))?;
        if !status.success() {
            return Err(format!("{command}: {status}"));
        }
        println!("After the reset, ran: {command}");
    }
    let mut partners = Vec::new();
    for (id, name, admin, holding) in PARTNERS {
        let client = sign_in(&api, admin, &mut setup).await;
        let customers = call("GET /customers", client.get(format!("{api}/customers")))
            .await
            .json()
            .ok_or_else(|| format!("{admin}: the customer list cannot be read"))?;
        let customers: Vec<String> = customers
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|c| c["customer"]["id"].as_str().map(str::to_owned))
            .collect();
        let holding_serials = if holding {
            let list = call(
                "GET /partners/{partner}/unassigned-devices",
                client.get(format!("{api}/partners/{id}/unassigned-devices")),
            )
            .await
            .json()
            .ok_or_else(|| format!("{admin}: Unassigned Devices cannot be read"))?;
            serials_of(&list)
        } else {
            Vec::new()
        };
        partners.push(Partner {
            id,
            name,
            admin,
            holding,
            customers,
            holding_serials,
        });
    }
    if let Some((kind, (_, message))) = setup.errors.iter().next() {
        return Err(format!("setting up failed: {kind} {message}"));
    }
    Ok(partners)
}

fn percentile(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1] as f64 / 1e3
}

struct Row {
    name: String,
    requests: usize,
    p50: f64,
    p99: f64,
    max: f64,
    errors: u64,
    bytes: u64,
}

fn row(name: &str, latencies: &mut [u64], errors: u64, bytes: u64) -> Row {
    latencies.sort_unstable();
    Row {
        name: name.to_owned(),
        requests: latencies.len(),
        p50: percentile(latencies, 0.50),
        p99: percentile(latencies, 0.99),
        max: percentile(latencies, 1.0),
        errors,
        bytes,
    }
}

fn print_rows(rows: &[Row], seconds: f64) {
    println!(
        "{:<60} {:>8} {:>7} {:>8} {:>8} {:>8} {:>7} {:>9}",
        "route", "requests", "req/s", "p50 ms", "p99 ms", "max ms", "errors", "avg KB"
    );
    for r in rows {
        let avg_kb = if r.requests > 0 {
            r.bytes as f64 / r.requests as f64 / 1e3
        } else {
            0.0
        };
        println!(
            "{:<60} {:>8} {:>7.1} {:>8.1} {:>8.1} {:>8.1} {:>7} {:>9.1}",
            r.name,
            r.requests,
            r.requests as f64 / seconds,
            r.p50,
            r.p99,
            r.max,
            r.errors,
            avg_kb
        );
    }
}

/// The machine's cores and load average (1 and 5 minutes): other work on
/// the machine shows here, and skews the figures.
fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load: Vec<&str> = load.split_whitespace().take(2).collect();
    format!(
        "{cores} cores, load average {} (1 min), {} (5 min)",
        load.first().unwrap_or(&"?"),
        load.get(1).unwrap_or(&"?")
    )
}

/// The users' reads per window of `window` seconds since `start`.
fn print_timeline(stats: &Stats, start: Instant, window: f64, big: Option<&BigTransfer>) {
    let mut windows: BTreeMap<u64, Vec<u64>> = BTreeMap::new();
    for (at, micros, route) in &stats.timeline {
        let user_read =
            route.starts_with("GET ") && !route.starts_with("GET /events") && *route != BIG_POLL;
        if user_read {
            let offset = at.saturating_duration_since(start).as_secs_f64();
            windows
                .entry((offset / window) as u64)
                .or_default()
                .push(*micros);
        }
    }
    let in_window = |at: Option<Instant>| {
        at.map(|at| (at.saturating_duration_since(start).as_secs_f64() / window) as u64)
    };
    let submitted = in_window(big.and_then(|b| b.submitted_at));
    let completed = in_window(big.and_then(|b| Some(b.submitted_at? + b.completed?)));
    println!("\nusers' reads over time (windows of {window} s, by when the request was sent):");
    println!(
        "{:>12} {:>8} {:>8} {:>8} {:>8}",
        "from s", "requests", "p50 ms", "p99 ms", "max ms"
    );
    for (w, latencies) in windows.iter_mut() {
        latencies.sort_unstable();
        let mut note = String::new();
        if Some(*w) == submitted {
            note.push_str("  <- the large transfer submitted");
        }
        if Some(*w) == completed {
            note.push_str("  <- the large transfer Completed");
        }
        println!(
            "{:>12.0} {:>8} {:>8.1} {:>8.1} {:>8.1}{note}",
            *w as f64 * window,
            latencies.len(),
            percentile(latencies, 0.5),
            percentile(latencies, 0.99),
            percentile(latencies, 1.0),
        );
    }
}

#[tokio::main]
async fn main() {
    let options = match parse_options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("load: {e}\n\n{USAGE}");
            std::process::exit(2);
        }
    };
    let label = if options.label.is_empty() {
        String::new()
    } else {
        format!(" — {}", options.label)
    };
    println!("\n== Load{label}");
    println!("servers: {}", options.bases.join(", "));
    println!("machine: {}", machine());

    let mut partners = match prepare(&options).await {
        Ok(p) => p,
        Err(e) => {
            eprintln!("load: {e}");
            std::process::exit(1);
        }
    };
    // The large transfer's PCs: the first of Alpine's Unassigned Devices;
    // users move others.
    let alpine = &mut partners[0];
    let big_n = options.big_transfer.min(alpine.holding_serials.len());
    let big_serials: Vec<String> = alpine.holding_serials.drain(..big_n).collect();
    let big_target = {
        // Litware Inc starts empty; any Alpine customer will do.
        let api = format!("{}/api/v1", options.bases[0]);
        let mut setup = Stats::default();
        let client = sign_in(&api, "u-alpine-admin", &mut setup).await;
        let list = call("GET /customers", client.get(format!("{api}/customers")))
            .await
            .json()
            .unwrap_or_default();
        let all = list.as_array().cloned().unwrap_or_default();
        all.iter()
            .find(|c| c["customer"]["name"] == "Litware Inc")
            .or(all.first())
            .map(|c| {
                (
                    c["customer"]["id"].as_str().unwrap_or_default().to_owned(),
                    c["customer"]["name"]
                        .as_str()
                        .unwrap_or_default()
                        .to_owned(),
                )
            })
            .unwrap_or_default()
    };

    let run = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();

    // Sign everyone in (not part of the measured load).
    let mut setup = Stats::default();
    let started = Instant::now();
    let mut signing = Vec::new();
    for i in 0..options.users {
        let partner = i % partners.len();
        let api = format!("{}/api/v1", options.bases[i % options.bases.len()]);
        let admin = partners[partner].admin;
        signing.push(tokio::spawn(async move {
            let mut stats = Stats::default();
            let client = sign_in(&api, admin, &mut stats).await;
            (client, api, partner, stats)
        }));
    }
    let mut clients = Vec::new();
    for s in signing {
        let (client, api, partner, stats) = s.await.expect("a sign-in task");
        setup.merge(stats);
        clients.push((client, api, partner));
    }
    let signed_in = started.elapsed();

    let seconds = options.seconds;
    let shared = Arc::new(Shared {
        partners,
        options: options.clone(),
        deadline: Instant::now() + Duration::from_secs_f64(seconds),
        run,
        events: AtomicU64::new(0),
    });
    let per_partner: Vec<String> = shared
        .partners
        .iter()
        .enumerate()
        .map(|(p, partner)| {
            let n = (0..options.users)
                .filter(|i| i % shared.partners.len() == p)
                .count();
            format!("{n} {} ({})", partner.name, partner.admin)
        })
        .collect();
    println!(
        "users: {} concurrent partner admins: {}; spread round-robin over {} server process(es)",
        options.users,
        per_partner.join(", "),
        options.bases.len()
    );
    println!(
        "each user: sign-in (its own session), then actions separated by a think time of {}–{} ms (uniform random){}",
        options.think.0,
        options.think.1,
        if options.events {
            ", holding its live-update stream (GET /events) open"
        } else {
            ", no live-update stream"
        }
    );
    println!(
        "actions: customer list 20 %, a customer (record + PCs) 25 %, Unassigned Devices 10 % \
         (Brightline; Home for the others{}), transfers 10 %, notifications 10 %, alerts 10 %, Home 5 %, \
         review a file of 1–50 PCs (POST /devices/locate) 5 %, review + submit it as a transfer 5 %",
        if options.large_list_share > 0 {
            format!(
                "; Alpine opens its 100,000-PC list in {} % of its actions",
                options.large_list_share
            )
        } else {
            "; Alpine's 100,000-PC list is not opened".to_owned()
        }
    );
    println!(
        "load: {seconds:.0} s; {} users signed in beforehand in {:.1} s ({} sign-in errors)",
        options.users,
        signed_in.as_secs_f64(),
        setup.routes.values().map(|r| r.errors).sum::<u64>()
    );

    let load_started = Instant::now();
    let mut users = Vec::new();
    let mut listeners = Vec::new();
    for (index, (client, api, partner)) in clients.into_iter().enumerate() {
        if options.events {
            listeners.push(tokio::spawn(listen(
                client.clone(),
                api.clone(),
                shared.clone(),
            )));
        }
        let user = User {
            index,
            client,
            api,
            partner,
            rng: Rng::new(options.seed.wrapping_mul(1_000_003) ^ index as u64),
            stats: Stats::default(),
            seen: HashMap::new(),
            submitted: 0,
            shared: shared.clone(),
        };
        users.push(tokio::spawn(user.run()));
    }
    let big = if big_n > 0 {
        let at = options.big_transfer_at.unwrap_or(seconds / 3.0);
        let api = format!("{}/api/v1", options.bases[0]);
        let key = format!("load-{run}-big");
        Some(tokio::spawn(async move {
            tokio::time::sleep(Duration::from_secs_f64(at)).await;
            big_transfer(api, big_serials, big_target, key).await
        }))
    } else {
        None
    };

    let mut stats = Stats::default();
    for u in users {
        stats.merge(u.await.expect("a user task"));
    }
    let elapsed = load_started.elapsed().as_secs_f64();
    for l in listeners {
        stats.merge(l.await.expect("a listener task"));
    }
    let mut big = match big {
        Some(b) => Some(b.await.expect("the large transfer's task")),
        None => None,
    };
    if let Some(b) = big.as_mut() {
        stats.merge(std::mem::take(&mut b.stats));
    }

    // The users' transfers: how many the runner completed while the load
    // ran, and how long the rest took to drain.
    let at_end = job_states(&options.bases, run).await;
    let drain_started = Instant::now();
    let mut drained = None;
    let mut waiting = at_end.iter().filter(|(s, _)| *s != "Completed").count() > 0;
    while waiting && drain_started.elapsed() < Duration::from_secs(60) {
        tokio::time::sleep(Duration::from_millis(500)).await;
        let now = job_states(&options.bases, run).await;
        waiting = now.iter().any(|(s, n)| s != "Completed" && *n > 0);
        if !waiting {
            drained = Some(drain_started.elapsed());
        }
    }

    // The report.
    println!();
    let measuring = |route: &str| route == BIG_SUBMIT || route == BIG_POLL;
    let mut rows = Vec::new();
    let mut reads: Vec<u64> = Vec::new();
    let (mut read_errors, mut read_bytes) = (0, 0);
    let mut worst_read: Option<(String, f64)> = None;
    for (route, s) in stats.routes.iter_mut() {
        let r = row(route, &mut s.latencies, s.errors, s.bytes);
        if route.starts_with("GET ") && !route.starts_with("GET /events") && !measuring(route) {
            reads.extend(&s.latencies);
            read_errors += s.errors;
            read_bytes += s.bytes;
            if worst_read.as_ref().is_none_or(|(_, p)| r.p99 > *p) {
                worst_read = Some((route.to_string(), r.p99));
            }
        }
        rows.push(r);
    }
    let is_write = |route: &str| route.starts_with("POST ") && !measuring(route);
    let mut writes: Vec<u64> = stats
        .routes
        .iter()
        .filter(|(route, _)| is_write(route))
        .flat_map(|(_, s)| s.latencies.iter().copied())
        .collect();
    let write_errors: u64 = stats
        .routes
        .iter()
        .filter(|(route, _)| is_write(route))
        .map(|(_, s)| s.errors)
        .sum();
    let write_bytes: u64 = stats
        .routes
        .iter()
        .filter(|(route, _)| is_write(route))
        .map(|(_, s)| s.bytes)
        .sum();
    let all_reads = row(
        "all users' reads (GET)",
        &mut reads,
        read_errors,
        read_bytes,
    );
    let all_writes = row(
        "all users' writes (POST)",
        &mut writes,
        write_errors,
        write_bytes,
    );
    let total_requests = all_reads.requests + all_writes.requests;
    print_rows(&rows, elapsed);
    println!("{}", "-".repeat(130));
    let reads_p99 = all_reads.p99;
    print_rows(&[all_reads, all_writes], elapsed);
    println!(
        "users: {total_requests} requests in {elapsed:.1} s ({:.0} req/s) from {} actions; {} transfer rows submitted; {} live-update events received",
        total_requests as f64 / elapsed,
        stats.actions,
        stats.transfer_rows,
        shared.events.load(Ordering::Relaxed)
    );
    println!(
        "(latency: from sending the request to the last byte of the answer, measured by the client on the same \
         machine, gzip accepted as a browser does; the two \"measuring\" rows are the large transfer's own \
         requests, outside the reads' verdict)"
    );
    let describe = |states: &BTreeMap<String, usize>| {
        let parts: Vec<String> = states.iter().map(|(s, n)| format!("{n} {s}")).collect();
        if parts.is_empty() {
            "none".to_owned()
        } else {
            parts.join(", ")
        }
    };
    println!(
        "users' transfer jobs when the load ended: {}{}",
        describe(&at_end),
        match drained {
            _ if !at_end.iter().any(|(s, _)| s != "Completed") => String::new(),
            Some(d) => format!("; the rest Completed {:.1} s later", d.as_secs_f64()),
            None => "; still not all Completed 60 s later".to_owned(),
        }
    );

    println!("machine after the load: {}", machine());
    if options.timeline > 0.0 {
        print_timeline(&stats, load_started, options.timeline, big.as_ref());
    }

    let errors: u64 = stats.routes.values().map(|r| r.errors).sum();
    if errors == 0 {
        println!("errors: none (no non-2xx answer, no transport error)");
    } else {
        println!("ERRORS: {errors} requests failed (a non-2xx answer or a transport error):");
        for (kind, (n, first)) in &stats.errors {
            println!("  {n:>6} × {kind}   first: {first}");
        }
    }

    let mut big_ok = true;
    let mut big_text = "no large transfer".to_owned();
    if let Some(b) = &big {
        println!();
        match (b.completed, &b.error) {
            (Some(done), _) => {
                println!(
                    "{}-PC transfer (Alpine's Unassigned Devices → {}), submitted {:.0} s into the load: \
                     answered (queued) in {:.0} ms{}, Completed {:.0} ms after submit; {} of {} rows Success \
                     (seen in GET /transfers at each live update, at most every 50 ms, at least \
                     every 100 ms; {} reads)",
                    b.rows,
                    b.target,
                    options.big_transfer_at.unwrap_or(seconds / 3.0),
                    b.queued.as_secs_f64() * 1e3,
                    if b.attempts > 1 {
                        format!(" (after {} submissions)", b.attempts)
                    } else {
                        String::new()
                    },
                    done.as_secs_f64() * 1e3,
                    b.successes,
                    b.rows,
                    b.polls
                );
                big_ok = done <= Duration::from_secs(1) && b.successes == b.rows;
                big_text = format!("{}-PC transfer {:.2} s", b.rows, done.as_secs_f64());
            }
            (None, error) => {
                println!(
                    "{}-PC transfer: NOT COMPLETED ({}; {} submissions)",
                    b.rows,
                    error.as_deref().unwrap_or("not Completed within 120 s"),
                    b.attempts
                );
                big_ok = false;
                big_text = format!("{}-PC transfer not completed", b.rows);
            }
        }
    }

    // The target is the users' reads taken together; the slowest route's
    // own p99 is shown beside it.
    let (worst_route, worst_p99) = worst_read.unwrap_or_default();
    let reads_ok = reads_p99 <= 50.0;
    let mark = |ok: bool| if ok { "ok" } else { "MISSED" };
    println!(
        "\nVERDICT{label}: {} — reads p99 ≤ 50 ms with {} users: {reads_p99:.1} ms over all reads \
         (slowest route {worst_route}: p99 {worst_p99:.1} ms) {}; \
         no error responses: {errors} errors {}; 10,000-PC transfer ≤ 1 s: {big_text} {}",
        if reads_ok && errors == 0 && big_ok {
            "PASS"
        } else {
            "FAIL"
        },
        options.users,
        mark(reads_ok),
        mark(errors == 0),
        mark(big_ok),
    );
}
