//! Transfer jobs and their rows.

use super::facts::Conn;
use super::rows::{enum_from, enum_text, tenant_columns, tenant_from};
use sqlx::FromRow;
use wxp_core::date::Timestamp;
use wxp_core::engine::{JobId, JobState, RowResult, SubmittedRow, TransferJob, TransferRequest};
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
    read: bool,
}

macro_rules! job_columns {
    () => {
        "id, idem_key, user_id, partner_id, source_kind, source_id, source_name, target_id, \
         target_name, state, submitted_at, completed_at, read"
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
         source_name, target_id, target_name, state, submitted_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'Queued', $9) RETURNING id",
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
    .fetch_one(&mut *conn)
    .await?;
    let numbered: Vec<(usize, &SubmittedRow)> = request.rows.iter().enumerate().collect();
    for chunk in numbered.chunks(100) {
        let mut query = sqlx::QueryBuilder::new(
            "INSERT INTO transfer_rows (job_id, line, serial, customer, serial_key) ",
        );
        query.push_values(chunk, |mut row, (i, r)| {
            row.push_bind(id)
                .push_bind(*i as i64 + 1)
                .push_bind(r.serial.as_str())
                .push_bind(r.customer.as_str())
                .push_bind(SerialNumber::parse(&r.serial).ok().map(|s| s.to_string()));
        });
        query.build().execute(&mut *conn).await?;
    }
    Ok(JobId(id as u64))
}

async fn with_rows(conn: &mut Conn, row: JobRow) -> Result<TransferJob, sqlx::Error> {
    let lines: Vec<(String, String, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT serial, customer, state, description FROM transfer_rows \
         WHERE job_id = $1 ORDER BY line",
    )
    .bind(row.id)
    .fetch_all(&mut *conn)
    .await?;
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
    Ok(TransferJob {
        id: JobId(row.id as u64),
        key: row.idem_key,
        user: UserId(row.user_id),
        partner: PartnerId(row.partner_id),
        source: tenant_from(&row.source_kind, row.source_id)?,
        source_name: row.source_name,
        target: CustomerId(row.target_id),
        target_name: row.target_name,
        rows,
        state: enum_from("job state", &row.state)?,
        submitted_at: Timestamp(row.submitted_at),
        completed_at: row.completed_at.map(Timestamp),
        results,
        read: row.read,
    })
}

async fn jobs(conn: &mut Conn, found: Vec<JobRow>) -> Result<Vec<TransferJob>, sqlx::Error> {
    let mut jobs = Vec::with_capacity(found.len());
    for row in found {
        jobs.push(with_rows(conn, row).await?);
    }
    Ok(jobs)
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
) -> Result<Vec<TransferJob>, sqlx::Error> {
    let found = sqlx::query_as::<_, JobRow>(concat!(
        "SELECT ",
        job_columns!(),
        " FROM transfer_jobs WHERE partner_id = $1 ORDER BY id DESC"
    ))
    .bind(&partner.0)
    .fetch_all(&mut *conn)
    .await?;
    jobs(conn, found).await
}

/// A user's completed jobs (their notifications), newest first.
pub async fn completed_jobs_of(
    conn: &mut Conn,
    user: &UserId,
) -> Result<Vec<TransferJob>, sqlx::Error> {
    let found = sqlx::query_as::<_, JobRow>(concat!(
        "SELECT ",
        job_columns!(),
        " FROM transfer_jobs WHERE user_id = $1 AND state = 'Completed' ORDER BY id DESC"
    ))
    .bind(&user.0)
    .fetch_all(&mut *conn)
    .await?;
    jobs(conn, found).await
}

/// The oldest job not yet completed, and its state.
pub async fn next_pending(conn: &mut Conn) -> Result<Option<(JobId, JobState)>, sqlx::Error> {
    let found: Option<(i64, String)> = sqlx::query_as(
        "SELECT id, state FROM transfer_jobs WHERE state <> 'Completed' ORDER BY id LIMIT 1",
    )
    .fetch_optional(conn)
    .await?;
    found
        .map(|(id, state)| Ok((JobId(id as u64), enum_from("job state", &state)?)))
        .transpose()
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
            let mut query = sqlx::QueryBuilder::new("UPDATE transfer_rows SET state = ");
            query
                .push_bind(enum_text(&result.state))
                .push(", description = ")
                .push_bind(&result.description)
                .push(" WHERE job_id = ")
                .push_bind(job.0 as i64)
                .push(" AND line IN (");
            let mut list = query.separated(", ");
            for line in chunk {
                list.push_bind(*line);
            }
            query.push(")");
            query.build().execute(&mut *conn).await?;
        }
    }
    Ok(())
}
