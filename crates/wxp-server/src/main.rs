//! `wxp-server`: see `wxp-server help`.

use std::io::BufRead;
use std::process::ExitCode;
use wxp_server::cli::{self, Command, NewAdmin};
use wxp_server::store::{self, Db};
use wxp_server::{auth, ingest};

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "wxp_server=info".into()),
        )
        .init();
    let command = match cli::parse(std::env::args().skip(1), |k| std::env::var(k).ok()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("wxp-server: {e}\n\n{}", cli::USAGE);
            return ExitCode::from(2);
        }
    };
    let result = match command {
        Command::Help => {
            println!("{}", cli::USAGE);
            Ok(())
        }
        Command::Serve(config) => serve(*config).await,
        Command::CreateAdmin(admin) => create_admin(admin).await,
        Command::Ingest { database_url, file } => run_ingest(&database_url, &file).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("wxp-server: {e}");
            ExitCode::FAILURE
        }
    }
}

type Error = Box<dyn std::error::Error + Send + Sync>;

fn ensure_data_dir(url: &str) -> Result<(), Error> {
    if let Some(path) = url.strip_prefix("sqlite://") {
        let path = path.split('?').next().unwrap_or(path);
        if let Some(dir) = std::path::Path::new(path).parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir)?;
            }
        }
    }
    Ok(())
}

async fn serve(config: wxp_server::config::Config) -> Result<(), Error> {
    ensure_data_dir(&config.database_url)?;
    let demo = config.demo;
    let database = config.database_url.clone();
    let running = wxp_server::start(config).await?;
    println!("WXP partner portal: http://{}", running.address);
    println!("  database: {database}");
    if demo {
        println!("  demo mode: the sign-in page lists the demo accounts; one click signs in.");
    } else {
        println!("  sign in with a partner admin's e-mail and password (wxp-server create-admin).");
    }
    println!(
        "  API description: http://{}/api/openapi.json",
        running.address
    );
    running.serve(stop_signal()).await?;
    Ok(())
}

/// Ctrl-C, or the SIGTERM of a service manager.
async fn stop_signal() {
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .expect("SIGTERM can be handled");
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = term.recv() => {}
    }
    println!("Stopping: finishing the requests under way.");
}

async fn create_admin(admin: NewAdmin) -> Result<(), Error> {
    ensure_data_dir(&admin.database_url)?;
    let password = match std::env::var("WXP_ADMIN_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            eprintln!("Password for {}:", admin.email);
            let mut line = String::new();
            std::io::stdin().lock().read_line(&mut line)?;
            line.trim_end_matches(['\r', '\n']).to_owned()
        }
    };
    if password.chars().count() < 10 {
        return Err("the password must have at least 10 characters".into());
    }
    let db = Db::open(&admin.database_url).await?;
    let hash = auth::password::hash(password).await?;
    let user = store::create_admin(&db, &admin, &hash).await?;
    println!(
        "Created {} ({}), partner admin of {}.",
        user.name, user.email, admin.partner
    );
    db.close().await;
    Ok(())
}

async fn run_ingest(database_url: &str, file: &std::path::Path) -> Result<(), Error> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| format!("{} cannot be read: {e}", file.display()))?;
    let db = Db::open(database_url).await?;
    let (report, _) = ingest::ingest(&db, &text).await?;
    println!(
        "{} PCs added to Unassigned Devices, {} already known.",
        report.added, report.already_known
    );
    for problem in &report.problems {
        println!("{}: {problem}", file.display());
    }
    db.close().await;
    Ok(())
}
