//! A real server on 127.0.0.1 with a fresh database, for each test: in this
//! process (`TestServer`), or as a child process that a test can kill -9 and
//! start again (`ServerProcess`).
//!
//! The database is a fresh SQLite file, or, when `WXP_TEST_POSTGRES_URL`
//! names a PostgreSQL server (`scripts/postgres.sh` starts a throwaway
//! one), a fresh database created on it for the test.

#![allow(dead_code)]

pub mod created;
pub mod demo_facts;

use reqwest::{Client, Response, StatusCode};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use tokio::sync::oneshot;
use wxp_server::config::Config;

/// A fresh, empty folder for one test's files and a fresh database, the
/// folder removed when dropped.
pub struct Scratch(pub PathBuf, String);

/// The PostgreSQL server the tests run against, if any.
pub fn postgres() -> Option<String> {
    std::env::var("WXP_TEST_POSTGRES_URL")
        .ok()
        .filter(|url| !url.is_empty())
}

impl Scratch {
    pub fn new() -> Scratch {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let name = format!(
            "wxp_test_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let dir = std::env::temp_dir().join(&name);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let database_url = match postgres() {
            Some(server) => create_database(&server, &name),
            None => format!("sqlite://{}", dir.join("portal.db").display()),
        };
        Scratch(dir, database_url)
    }

    /// The test's own database.
    pub fn database_url(&self) -> String {
        self.1.clone()
    }
}

/// Creates database `name` on the PostgreSQL server at `server`; answers
/// its URL.
fn create_database(server: &str, name: &str) -> String {
    let created = Command::new("psql")
        .args([server, "-q", "-v", "ON_ERROR_STOP=1", "-c"])
        .arg(format!("CREATE DATABASE {name}"))
        .status()
        .expect("psql runs");
    assert!(created.success(), "created database {name} on {server}");
    let (base, _) = server.rsplit_once('/').expect("a URL with a database");
    format!("{base}/{name}")
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A server running in this process on an ephemeral port.
pub struct TestServer {
    pub base: String,
    pub state: wxp_server::state::AppState,
    stop: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
    pub scratch: Scratch,
}

impl TestServer {
    /// A demo-mode server over a fresh database.
    pub async fn start() -> TestServer {
        TestServer::with(|_| {}).await
    }

    /// A server whose settings `adjust` changes first.
    pub async fn with(adjust: impl FnOnce(&mut Config)) -> TestServer {
        // RUST_LOG=wxp_server=debug shows the server's log in a failing test.
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
            .with_test_writer()
            .try_init();
        let scratch = Scratch::new();
        let mut config = Config::for_test(scratch.database_url());
        adjust(&mut config);
        let running = wxp_server::start(config).await.expect("the server starts");
        let base = format!("http://{}", running.address);
        let state = running.state.clone();
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            running
                .serve(async {
                    let _ = stopped.await;
                })
                .await
                .expect("the server serves");
        });
        TestServer {
            base,
            state,
            stop: Some(stop),
            task: Some(task),
            scratch,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Stops the server and waits until it has.
    pub async fn stop(mut self) -> Scratch {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
        std::mem::replace(&mut self.scratch, Scratch(PathBuf::new(), String::new()))
    }
}

/// A browser-like client: it keeps the cookies it is given.
pub fn client() -> Client {
    Client::builder().cookie_store(true).build().unwrap()
}

/// A client signed in as the demo account `user`.
pub async fn demo_client(base: &str, user: &str) -> Client {
    let c = client();
    let r = c
        .post(format!("{base}/api/v1/demo/session"))
        .json(&json!({ "user": user }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK, "demo sign-in as {user}");
    c
}

/// The status and JSON body of a response (Null for an empty body).
pub async fn answer(r: Response) -> (StatusCode, Value) {
    let status = r.status();
    let text = r.text().await.unwrap();
    let body = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON ({status}): {text}"))
    };
    (status, body)
}

pub async fn get(c: &Client, url: String) -> (StatusCode, Value) {
    answer(c.get(url).send().await.unwrap()).await
}

pub async fn post(c: &Client, url: String, body: Value) -> (StatusCode, Value) {
    answer(c.post(url).json(&body).send().await.unwrap()).await
}

pub async fn put(c: &Client, url: String, body: Value) -> (StatusCode, Value) {
    answer(c.put(url).json(&body).send().await.unwrap()).await
}

/// What a live-update stream says within `wait`.
pub async fn heard(stream: &mut reqwest::Response, wait: std::time::Duration) -> String {
    let mut text = String::new();
    let deadline = tokio::time::Instant::now() + wait;
    while let Ok(Ok(Some(chunk))) = tokio::time::timeout_at(deadline, stream.chunk()).await {
        text.push_str(&String::from_utf8_lossy(&chunk));
    }
    text
}

/// Polls until `check` holds, for up to 10 s.
pub async fn eventually<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..200 {
        if check().await {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("timed out waiting for {what}");
}

/// The server binary as a child process, stopped by its process id.
pub struct ServerProcess {
    pub base: String,
    child: Child,
}

impl ServerProcess {
    /// Starts `wxp-server --demo` over `database_url` with extra environment.
    pub fn start(database_url: &str, env: &[(&str, &str)]) -> ServerProcess {
        let mut child = Command::new(env!("CARGO_BIN_EXE_wxp-server"))
            .arg("--demo")
            .env("PORT", "0")
            .env("WXP_DATABASE_URL", database_url)
            .env("WXP_ALERT_INTERVAL_MS", "0")
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server binary starts");
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        let base = loop {
            let line = lines
                .next()
                .expect("the server prints its address")
                .unwrap();
            if let Some(address) = line.strip_prefix("WXP partner portal: ") {
                break address.to_owned();
            }
        };
        // Keep draining its output so that it never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        ServerProcess { base, child }
    }

    /// kill -9: no shutdown, no flush, nothing.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
