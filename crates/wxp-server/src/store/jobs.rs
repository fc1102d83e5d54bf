//! Transfer jobs and their rows.

use super::facts::Conn;
use super::rows::{enum_from, enum_text, tenant_columns, tenant_from, Flag};
use super::{placeholders, Dialect};
use sqlx::{AssertSqlSafe, FromRow};
use wxp_core::date::Timestamp;
use wxp_core::engine::{
    JobId, RowResult, SubmittedRow, TransferJob, TransferRequest, TransferSummary,
};
use wxp_core::{CustomerId, PartnerId, SerialNumber, UserId};

/// A `transfer_jobs` row.
#[derive(FromRow)]
struct JobRow {
    id: i64,
    idem_key: String,
    user_id: String,
    partner_id: String,
    source_kind: String,
    source_id: String,
    source_name: String,
    target_id: String,
    target_name: String,
    state: String,
    submitted_at: i64,
    completed_at: Option<i64>,
    read: Flag,
    rows_submitted: i64,
    rows_succeeded: i64,
    rows_failed: i64,
}

impl JobRow {
    /// The job without its rows.
    fn summary(self) -> Result<TransferSummary, sqlx::Error> {
        Ok(TransferSummary {
            id: JobId(self.id as u64),
            key: self.idem_key,
            user: UserId(self.user_id),
            partner: PartnerId(self.partner_id),
            source: tenant_from(&self.source_kind, self.source_id)?,
            source_name: self.source_name,
            target: CustomerId(self.target_id),
            target_name: self.target_name,
            state: enum_from("job state", &self.state)?,
            submitted_at: Timestamp(self.submitted_at),
            completed_at: self.completed_at.map(Timestamp),
            read: self.read.0 != 0,
            rows: self.rows_submitted as u64,
            succeeded: self.rows_succeeded as u64,
            failed: self.rows_failed as u64,
        })
    }
}

macro_rules! job_columns {
    () => {
        "id, idem_key, user_id, partner_id, source_kind, source_id, source_name, target_id, \
         target_name, state, submitted_at, completed_at, \
         CASE WHEN read THEN 1 ELSE 0 END AS read, rows_submitted, rows_succeeded, rows_failed"
    };
}

/// What a queued job records besides its request.
pub struct NewJob<'a> {
    /// Who submitted it.
    pub user: &'a UserId,
    /// Their partner.
    pub partner: &'a PartnerId,
    /// The source's name.
    pub source_name: &'a str,
    /// The target.
    pub target: &'a CustomerId,
    /// Its name.
    pub target_name: &'a str,
    /// When.
    pub at: Timestamp,
    /// When it is due to run, in milliseconds since 1970.
    pub run_after_ms: i64,
}

/// The job a user already submitted under `key`, if any.
pub async fn job_by_key(
    conn: &mut Conn,
    user: &UserId,
    key: &str,
) -> Result<Option<JobId>, sqlx::Error> {
    let found: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM transfer_jobs WHERE user_id = $1 AND idem_key = $2")
            .bind(&user.0)
            .bind(key)
            .fetch_optional(conn)
            .await?;
    Ok(found.map(|(id,)| JobId(id as u64)))
}

/// Queues a job with its rows. A second job under the same user and key
/// violates `UNIQUE (user_id, idem_key)`.
pub async fn insert_job(
    conn: &mut Conn,
    request: &TransferRequest,
    job: NewJob<'_>,
) -> Result<JobId, sqlx::Error> {
    let (source_kind, source_id) = tenant_columns(&request.source);
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO transfer_jobs (idem_key, user_id, partner_id, source_kind, source_id, \
         source_name, target_id, target_name, state, submitted_at, run_after, rows_submitted) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'Queued', $9, $10, $11) RETURNING id",
    )
    .bind(&request.key)
    .bind(&job.user.0)
    .bind(&job.partner.0)
    .bind(source_kind)
    .bind(source_id)
    .bind(job.source_name)
    .bind(&job.target.0)
    .bind(job.target_name)
    .bind(job.at.0)
    .bind(job.run_after_ms)
    .bind(request.rows.len() as i64)
    .fetch_one(&mut *conn)
    .await?;
    let numbered: Vec<(usize, &SubmittedRow)> = request.rows.iter().enumerate().collect();
    for chunk in numbered.chunks(100) {
        let sql = format!(
            "INSERT INTO transfer_rows (job_id, line, serial, customer, serial_key) VALUES {}",
            placeholders::rows(chunk.len(), 5)
        );
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for (i, r) in chunk {
            query = query
                .bind(id)
                .bind(*i as i64 + 1)
                .bind(r.serial.as_str())
                .bind(r.customer.as_str())
                .bind(SerialNumber::parse(&r.serial).ok().map(|s| s.to_string()));
        }
        query.execute(&mut *conn).await?;
    }
    Ok(JobId(id as u64))
}

/// A line of a job as stored: serial, customer, result state and words.
type Line = (String, String, Option<String>, Option<String>);

async fn with_rows(conn: &mut Conn, row: JobRow) -> Result<TransferJob, sqlx::Error> {
    let lines: Vec<Line> = sqlx::query_as(
        "SELECT serial, customer, state, description FROM transfer_rows \
         WHERE job_id = $1 ORDER BY line",
    )
    .bind(row.id)
    .fetch_all(&mut *conn)
    .await?;
    assemble(row, lines)
}

/// A job from its row and its lines, in line order.
fn assemble(row: JobRow, lines: Vec<Line>) -> Result<TransferJob, sqlx::Error> {
    let mut rows = Vec::with_capacity(lines.len());
    let mut results = Vec::new();
    for (serial, customer, state, description) in lines {
        rows.push(SubmittedRow { serial, customer });
        if let (Some(state), Some(description)) = (state, description) {
            results.push(RowResult {
                state: enum_from("row state", &state)?,
                description,
            });
        }
    }
    Ok(TransferJob::from_summary(row.summary()?, rows, results))
}

/// One job, whoever it belongs to.
pub async fn job(conn: &mut Conn, id: JobId) -> Result<Option<TransferJob>, sqlx::Error> {
    let found = sqlx::query_as::<_, JobRow>(concat!(
        "SELECT ",
        job_columns!(),
        " FROM transfer_jobs WHERE id = $1"
    ))
    .bind(id.0 as i64)
    .fetch_optional(&mut *conn)
    .await?;
    match found {
        Some(row) => Ok(Some(with_rows(conn, row).await?)),
        None => Ok(None),
    }
}

/// A partner's jobs, newest first.
pub async fn jobs_of_partner(
    conn: &mut Conn,
    partner: &PartnerId,
) -> Result<Vec<TransferSummary>, sqlx::Error> {
    let found = sqlx::query_as::<_, JobRow>(concat!(
        "SELECT ",
        job_columns!(),
        " FROM transfer_jobs WHERE partner_id = $1 ORDER BY id DESC"
    ))
    .bind(&partner.0)
    .fetch_all(&mut *conn)
    .await?;
    found.into_iter().map(JobRow::summary).collect()
}

/// A user's completed jobs (their notifications), newest first.
pub async fn completed_jobs_of(
    conn: &mut Conn,
    user: &UserId,
) -> Result<Vec<TransferSummary>, sqlx::Error> {
    let found = sqlx::query_as::<_, JobRow>(concat!(
        "SELECT ",
        job_columns!(),
        " FROM transfer_jobs WHERE user_id = $1 AND state = 'Completed' ORDER BY id DESC"
    ))
    .bind(&user.0)
    .fetch_all(&mut *conn)
    .await?;
    found.into_iter().map(JobRow::summary).collect()
}

/// Marks the queued jobs as running; answers their partners.
pub async fn start_queued(conn: &mut Conn) -> Result<Vec<PartnerId>, sqlx::Error> {
    let started: Vec<(String,)> = sqlx::query_as(
        "UPDATE transfer_jobs SET state = 'Running' WHERE state = 'Queued' RETURNING partner_id",
    )
    .fetch_all(conn)
    .await?;
    Ok(started.into_iter().map(|(p,)| PartnerId(p)).collect())
}

/// Claims the oldest job that is due and not completed, for the
/// transaction of `conn`: on PostgreSQL its row stays locked until that
/// transaction ends, and the other processes skip it.
///
/// A partner's jobs run in the order they were submitted: a job is taken
/// only when no older job of its partner is still to complete. Jobs of
/// different partners never touch the same PCs, so they may run at once.
pub async fn claim_due(conn: &mut Conn, now_ms: i64) -> Result<Option<JobId>, sqlx::Error> {
    let sql = format!(
        "SELECT id FROM transfer_jobs AS j WHERE state <> 'Completed' AND run_after <= $1 \
         AND NOT EXISTS (SELECT 1 FROM transfer_jobs AS older WHERE older.partner_id = j.partner_id \
                         AND older.state <> 'Completed' AND older.id < j.id) \
         ORDER BY id LIMIT 1{}",
        Dialect::of(conn).claim()
    );
    let found: Option<(i64,)> = sqlx::query_as(AssertSqlSafe(sql))
        .bind(now_ms)
        .fetch_optional(conn)
        .await?;
    Ok(found.map(|(id,)| JobId(id as u64)))
}

/// When the next job not completed is due (milliseconds since 1970).
pub async fn next_due(conn: &mut Conn) -> Result<Option<i64>, sqlx::Error> {
    let (due,): (Option<i64>,) =
        sqlx::query_as("SELECT MIN(run_after) FROM transfer_jobs WHERE state <> 'Completed'")
            .fetch_one(conn)
            .await?;
    Ok(due)
}

/// Writes every row's result (`results[i]` is line `i + 1`'s): one
/// statement per distinct result and 500 lines, not one per row.
pub async fn set_row_results(
    conn: &mut Conn,
    job: JobId,
    results: &[RowResult],
) -> Result<(), sqlx::Error> {
    let mut groups: Vec<(&RowResult, Vec<i64>)> = Vec::new();
    for (i, result) in results.iter().enumerate() {
        match groups.iter_mut().find(|(r, _)| *r == result) {
            Some((_, lines)) => lines.push(i as i64 + 1),
            None => groups.push((result, vec![i as i64 + 1])),
        }
    }
    for (result, lines) in groups {
        for chunk in lines.chunks(500) {
            let sql = format!(
                "UPDATE transfer_rows SET state = $1, description = $2 \
                 WHERE job_id = $3 AND line IN ({})",
                placeholders::list(4, chunk.len())
            );
            let mut query = sqlx::query(AssertSqlSafe(sql))
                .bind(enum_text(&result.state))
                .bind(&result.description)
                .bind(job.0 as i64);
            for line in chunk {
                query = query.bind(*line);
            }
            query.execute(&mut *conn).await?;
        }
    }
    Ok(())
}
