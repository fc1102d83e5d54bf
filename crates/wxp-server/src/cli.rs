//! The command line: `serve` (the default), `create-admin` and `ingest`.

use crate::config::Config;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// What the operator asked for.
#[derive(Debug)]
pub enum Command {
    /// Runs the server.
    Serve(Box<Config>),
    /// Creates a partner admin who signs in with a password (and the
    /// partner, if it does not exist yet).
    CreateAdmin(NewAdmin),
    /// Adds the PCs of an e2Open resale report to Unassigned Devices.
    Ingest {
        /// The database.
        database_url: String,
        /// The report (CSV).
        file: PathBuf,
    },
    /// Prints the usage.
    Help,
}

/// A partner admin to create.
#[derive(Debug)]
pub struct NewAdmin {
    /// The database.
    pub database_url: String,
    /// Their e-mail address (what they sign in with).
    pub email: String,
    /// Their name.
    pub name: String,
    /// Their partner's ID, e.g. PRT-ALPINE.
    pub partner: String,
    /// The partner's name, if it must be created.
    pub partner_name: Option<String>,
    /// The partner's kind, if it must be created: `resell` or
    /// `service-delivery`.
    pub partner_kind: Option<String>,
}

/// The usage text.
pub const USAGE: &str = "\
usage:
  wxp-server [serve] [--demo] [--app DIR]
      Serves the portal and its API on 127.0.0.1:$PORT (8080). --demo seeds an
      empty database with the demo data and offers the demo accounts; --app
      serves the built app (trunk's dist/).
  wxp-server create-admin --email E --name N --partner PRT-ID
                          [--partner-name NAME --partner-kind resell|service-delivery]
      Creates a partner admin who signs in with a password, read from
      $WXP_ADMIN_PASSWORD or else from the first line of standard input. The
      partner is created too when it does not exist (name and kind needed).
  wxp-server ingest FILE
      Adds the PCs of an e2Open resale report (CSV: Serial Number, Model,
      Product Number, Support Plan, Partner) to their partners' Unassigned
      Devices. Known PCs stay where they are; bad rows are listed by line.

environment:
  WXP_DATABASE_URL       sqlite://path/to/file.db (default sqlite://data/wxp.db)
  PORT                   the port (default 8080)
  WXP_PUBLIC_URL         the portal's public address; https://… sets Secure cookies
  WXP_OPERATOR_TOKEN     the bearer token of POST /api/v1/operator/ingest
  WXP_TRANSFER_DELAY_MS  how long a transfer shows as running before it runs (300)
  WXP_ALERT_INTERVAL_MS  how often an alert is raised on some PC (90000; 0: never)";

/// The default database: a SQLite file in the ignored `data/` folder.
pub const DEFAULT_DATABASE: &str = "sqlite://data/wxp.db";

/// Reads the command line and the environment.
pub fn parse(
    args: impl IntoIterator<Item = String>,
    env: impl Fn(&str) -> Option<String>,
) -> Result<Command, String> {
    let mut args: Vec<String> = args.into_iter().collect();
    let command = match args.first().map(String::as_str) {
        Some("serve" | "create-admin" | "ingest" | "help" | "--help" | "-h") => args.remove(0),
        _ => "serve".to_owned(),
    };
    let database_url = env("WXP_DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE.to_owned());
    let mut flags = Flags::new(args);
    let command = match command.as_str() {
        "help" | "--help" | "-h" => Command::Help,
        "serve" => {
            let demo = flags.switch("--demo");
            let app_dir = flags.value("--app")?.map(PathBuf::from);
            let port = match env("PORT") {
                Some(p) => p
                    .parse()
                    .map_err(|_| format!("PORT {p:?} is not a port number"))?,
                None => 8080,
            };
            let millis = |name: &str, default: u64| -> Result<Duration, String> {
                match env(name) {
                    Some(v) => v
                        .parse()
                        .map(Duration::from_millis)
                        .map_err(|_| format!("{name} {v:?} is not a number of milliseconds")),
                    None => Ok(Duration::from_millis(default)),
                }
            };
            Command::Serve(Box::new(Config {
                address: SocketAddr::from(([127, 0, 0, 1], port)),
                database_url,
                app_dir,
                demo,
                secure_cookies: env("WXP_PUBLIC_URL").is_some_and(|u| u.starts_with("https://")),
                operator_token: env("WXP_OPERATOR_TOKEN").filter(|t| !t.is_empty()),
                transfer_delay: millis("WXP_TRANSFER_DELAY_MS", 300)?,
                alert_interval: millis("WXP_ALERT_INTERVAL_MS", 90_000)?,
            }))
        }
        "create-admin" => Command::CreateAdmin(NewAdmin {
            database_url,
            email: flags.required("--email")?,
            name: flags.required("--name")?,
            partner: flags.required("--partner")?,
            partner_name: flags.value("--partner-name")?,
            partner_kind: flags.value("--partner-kind")?,
        }),
        _ => Command::Ingest {
            database_url,
            file: PathBuf::from(flags.positional().ok_or("ingest needs the report's file")?),
        },
    };
    flags.finish()?;
    Ok(command)
}

struct Flags(Vec<String>);

impl Flags {
    fn new(args: Vec<String>) -> Flags {
        Flags(args)
    }

    fn switch(&mut self, name: &str) -> bool {
        let before = self.0.len();
        self.0.retain(|a| a != name);
        self.0.len() != before
    }

    fn value(&mut self, name: &str) -> Result<Option<String>, String> {
        let Some(i) = self.0.iter().position(|a| a == name) else {
            return Ok(None);
        };
        if i + 1 >= self.0.len() {
            return Err(format!("{name} needs a value"));
        }
        let value = self.0.remove(i + 1);
        self.0.remove(i);
        Ok(Some(value))
    }

    fn required(&mut self, name: &str) -> Result<String, String> {
        self.value(name)?
            .ok_or_else(|| format!("{name} is required"))
    }

    fn positional(&mut self) -> Option<String> {
        let i = self.0.iter().position(|a| !a.starts_with("--"))?;
        Some(self.0.remove(i))
    }

    fn finish(self) -> Result<(), String> {
        match self.0.first() {
            None => Ok(()),
            Some(extra) => Err(format!("unexpected argument {extra:?}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn serve_is_the_default_with_port_and_database_from_the_environment() {
        let env = |k: &str| match k {
            "PORT" => Some("9000".to_owned()),
            "WXP_DATABASE_URL" => Some("sqlite://x.db".to_owned()),
            _ => None,
        };
        let Command::Serve(config) = parse(args(&["--demo"]), env).unwrap() else {
            panic!("not serve");
        };
        assert_eq!(config.address.port(), 9000);
        assert!(config.demo);
        assert_eq!(config.database_url, "sqlite://x.db");
        assert!(!config.secure_cookies);
    }

    #[test]
    fn mistakes_are_named() {
        let none = |_: &str| None;
        assert_eq!(
            parse(args(&["create-admin", "--email"]), none).unwrap_err(),
            "--email needs a value"
        );
        assert_eq!(
            parse(args(&["serve", "--dmeo"]), none).unwrap_err(),
            "unexpected argument \"--dmeo\""
        );
        let bad_port = |k: &str| (k == "PORT").then(|| "eighty".to_owned());
        assert!(parse(args(&[]), bad_port)
            .unwrap_err()
            .contains("PORT \"eighty\""));
    }
}
