//! The facts the domain's rules decide on, read from the database: users,
//! partners, customers and what their tenants hold.
//!
//! Queries narrow by the obvious key (a partner's customers, a tenant's
//! PCs); whether the acting user may see the result is decided by
//! `wxp_core::rules`, never here.

use super::rows::{tenant_columns, CustomerRow, PartnerRow, UserRow};
use super::{placeholders, Dialect};
use sqlx::{AnyConnection, AssertSqlSafe};
use std::collections::HashMap;
use wxp_core::engine::CustomerSummary;
use wxp_core::{Customer, CustomerId, Partner, PartnerId, Role, TenantId, User, UserId};

/// A connection inside a transaction.
pub type Conn = AnyConnection;

/// The columns of a `customers` row, as [`CustomerRow`] reads them. Flags
/// are read as 0 or 1 (see [`super::rows::Flag`]).
macro_rules! customer_columns {
    () => {
        "id, partner_id, name, country, cpin, \
         CASE WHEN insights_collection THEN 1 ELSE 0 END AS insights_collection, \
         CASE WHEN self_service_alerts THEN 1 ELSE 0 END AS self_service_alerts"
    };
}

/// A user who signs in without a password, by id.
pub async fn demo_user(conn: &mut Conn, id: &UserId) -> Result<Option<User>, sqlx::Error> {
    sqlx::query_as::<_, UserRow>(
        "SELECT id, name, email, partner_id, customer_id FROM users \
         WHERE id = $1 AND password_hash IS NULL",
    )
    .bind(&id.0)
    .fetch_optional(conn)
    .await?
    .map(UserRow::into_user)
    .transpose()
}

/// A user by id.
pub async fn user(conn: &mut Conn, id: &UserId) -> Result<Option<User>, sqlx::Error> {
    sqlx::query_as::<_, UserRow>(
        "SELECT id, name, email, partner_id, customer_id FROM users WHERE id = $1",
    )
    .bind(&id.0)
    .fetch_optional(conn)
    .await?
    .map(UserRow::into_user)
    .transpose()
}

/// The users who sign in without a password (the demo's accounts, and
/// the IT Admins of dashboards made in the demo), in the order they were
/// created. An operator's admins, who have passwords, are never among them.
pub async fn demo_users(conn: &mut Conn) -> Result<Vec<User>, sqlx::Error> {
    sqlx::query_as::<_, UserRow>(
        "SELECT id, name, email, partner_id, customer_id FROM users \
         WHERE password_hash IS NULL ORDER BY seq",
    )
    .fetch_all(conn)
    .await?
    .into_iter()
    .map(UserRow::into_user)
    .collect()
}

/// A partner by id.
pub async fn partner(conn: &mut Conn, id: &PartnerId) -> Result<Option<Partner>, sqlx::Error> {
    sqlx::query_as::<_, PartnerRow>(
        "SELECT id, name, kind, CASE WHEN setup_complete THEN 1 ELSE 0 END AS setup_complete \
         FROM partners WHERE id = $1",
    )
    .bind(&id.0)
    .fetch_optional(conn)
    .await?
    .map(PartnerRow::into_partner)
    .transpose()
}

/// A customer by id, whoever it belongs to.
pub async fn customer(conn: &mut Conn, id: &CustomerId) -> Result<Option<Customer>, sqlx::Error> {
    Ok(sqlx::query_as::<_, CustomerRow>(concat!(
        "SELECT ",
        customer_columns!(),
        " FROM customers WHERE id = $1"
    ))
    .bind(&id.0)
    .fetch_optional(conn)
    .await?
    .map(Customer::from))
}

/// Whether a dashboard already has this cPIN.
pub async fn cpin_taken(conn: &mut Conn, cpin: &str) -> Result<bool, sqlx::Error> {
    let found: Option<(String,)> = sqlx::query_as("SELECT id FROM customers WHERE cpin = $1")
        .bind(cpin)
        .fetch_optional(conn)
        .await?;
    Ok(found.is_some())
}

/// The customers of the user's organisation: a partner's, or an IT Admin's
/// own. The caller still applies `rules::access::may_see_customer`.
pub async fn customers_of(conn: &mut Conn, role: &Role) -> Result<Vec<Customer>, sqlx::Error> {
    let rows = match role {
        Role::PartnerAdmin { partner } => {
            sqlx::query_as::<_, CustomerRow>(concat!(
                "SELECT ",
                customer_columns!(),
                " FROM customers WHERE partner_id = $1"
            ))
            .bind(&partner.0)
            .fetch_all(conn)
            .await?
        }
        Role::ItAdmin { customer } => {
            sqlx::query_as::<_, CustomerRow>(concat!(
                "SELECT ",
                customer_columns!(),
                " FROM customers WHERE id = $1"
            ))
            .bind(&customer.0)
            .fetch_all(conn)
            .await?
        }
    };
    Ok(rows.into_iter().map(Customer::from).collect())
}

/// How many PCs a tenant holds, and how many of them are Premium+.
pub async fn device_counts(conn: &mut Conn, tenant: &TenantId) -> Result<(i64, i64), sqlx::Error> {
    let (kind, id) = tenant_columns(tenant);
    let (all, plus): (i64, Option<i64>) = sqlx::query_as(
        "SELECT COUNT(*), SUM(CASE WHEN plan = 'PremiumPlus' THEN 1 ELSE 0 END) \
         FROM devices WHERE tenant_kind = $1 AND tenant_id = $2",
    )
    .bind(kind)
    .bind(id)
    .fetch_one(conn)
    .await?;
    Ok((all, plus.unwrap_or(0)))
}

/// A customer with the figures the portal shows about it.
pub async fn summary(conn: &mut Conn, customer: Customer) -> Result<CustomerSummary, sqlx::Error> {
    let mut one = summaries(conn, vec![customer]).await?;
    Ok(one.pop().expect("one summary per customer"))
}

/// Customers with their figures, in the order given: every customer's
/// counts in one statement and each partner's name once, not two
/// statements per customer (the Customers list and Home read them all).
pub async fn summaries(
    conn: &mut Conn,
    customers: Vec<Customer>,
) -> Result<Vec<CustomerSummary>, sqlx::Error> {
    let mut counts: HashMap<String, (i64, i64)> = HashMap::new();
    let ids: Vec<&str> = customers.iter().map(|c| c.id.0.as_str()).collect();
    for chunk in ids.chunks(500) {
        let sql = format!(
            "SELECT tenant_id, COUNT(*), SUM(CASE WHEN plan = 'PremiumPlus' THEN 1 ELSE 0 END) \
             FROM devices WHERE tenant_kind = 'customer' AND tenant_id IN ({}) \
             GROUP BY tenant_id",
            placeholders::list(1, chunk.len())
        );
        let mut query = sqlx::query_as::<_, (String, i64, Option<i64>)>(AssertSqlSafe(sql));
        for id in chunk {
            query = query.bind(*id);
        }
        for (id, all, plus) in query.fetch_all(&mut *conn).await? {
            counts.insert(id, (all, plus.unwrap_or(0)));
        }
    }
    let mut partner_names: HashMap<PartnerId, String> = HashMap::new();
    let mut out = Vec::with_capacity(customers.len());
    for customer in customers {
        let partner_name = match partner_names.get(&customer.partner) {
            Some(name) => name.clone(),
            None => {
                let name = partner(conn, &customer.partner)
                    .await?
                    .map(|p| p.name)
                    .unwrap_or_default();
                partner_names.insert(customer.partner.clone(), name.clone());
                name
            }
        };
        let (devices, premium_plus) = counts.get(&customer.id.0).copied().unwrap_or((0, 0));
        out.push(CustomerSummary {
            customer,
            partner_name,
            devices: devices as usize,
            premium: (devices - premium_plus) as usize,
            premium_plus: premium_plus as usize,
        });
    }
    Ok(out)
}

/// The PCs of a tenant, by serial number, as the JSON array the API
/// answers: the database writes it in one pass, so a 100,000-PC list costs one
/// row, not 100,000 rows decoded and encoded again. The fields are
/// `Device`'s, in its order; the last signed-in user and location are
/// there only when `show_insights` (the domain's decision) says so.
pub async fn devices_json(
    conn: &mut Conn,
    tenant: &TenantId,
    show_insights: bool,
) -> Result<String, sqlx::Error> {
    let (kind, id) = tenant_columns(tenant);
    let array = Dialect::of(conn).json_array_of_objects(
        "'serial', serial, 'model', model, 'product_number', product_number, 'plan', plan, \
         'warranty_end', warranty_end, 'last_seen', last_seen, \
         'last_user', CASE WHEN $3 THEN last_user END, \
         'location', CASE WHEN $3 THEN location END",
        "serial",
    );
    let sql = format!("SELECT {array} FROM devices WHERE tenant_kind = $1 AND tenant_id = $2");
    let (json,): (String,) = sqlx::query_as(AssertSqlSafe(sql))
        .bind(kind)
        .bind(id)
        .bind(show_insights)
        .fetch_one(conn)
        .await?;
    Ok(json)
}

/// The PCs among `serials` that exist, grouped by the tenant they are in.
///
/// One statement for the whole list, however long (a transfer file's
/// 100,000 serial numbers): the database walks the JSON array and looks each one
/// up by its key, and answers one row per tenant with its serial numbers
/// joined, so that a long list costs a few rows, not one row per PC.
pub async fn serials_by_tenant(
    conn: &mut Conn,
    serials: &[String],
) -> Result<Vec<(TenantId, Vec<String>)>, sqlx::Error> {
    let wanted = serde_json::to_string(serials).expect("strings serialise");
    let dialect = Dialect::of(conn);
    let sql = format!(
        "SELECT d.tenant_kind, d.tenant_id, {joined} \
         FROM {wanted} JOIN devices AS d ON d.serial = wanted.value \
         GROUP BY d.tenant_kind, d.tenant_id",
        joined = dialect.joined_serials().replace("serial", "d.serial"),
        wanted = dialect.json_strings_param(),
    );
    let rows: Vec<(String, String, String)> = sqlx::query_as(AssertSqlSafe(sql))
        .bind(wanted)
        .fetch_all(conn)
        .await?;
    rows.into_iter()
        .map(|(kind, id, joined)| {
            let tenant = super::rows::tenant_from(&kind, id)?;
            Ok((tenant, joined.split(',').map(str::to_owned).collect()))
        })
        .collect()
}

/// Every serial number in a tenant, in one row: a covering-index scan, the
/// fast way to check a long list against a big tenant.
pub async fn serials_in(conn: &mut Conn, tenant: &TenantId) -> Result<Vec<String>, sqlx::Error> {
    let (kind, id) = tenant_columns(tenant);
    let sql = format!(
        "SELECT {} FROM devices WHERE tenant_kind = $1 AND tenant_id = $2",
        Dialect::of(conn).joined_serials()
    );
    let (joined,): (Option<String>,) = sqlx::query_as(AssertSqlSafe(sql))
        .bind(kind)
        .bind(id)
        .fetch_one(conn)
        .await?;
    Ok(joined
        .map(|j| j.split(',').map(str::to_owned).collect())
        .unwrap_or_default())
}

/// The tenant each of `serials` is in, for those that exist at all.
pub async fn tenants_of(
    conn: &mut Conn,
    serials: &[String],
) -> Result<Vec<(String, TenantId)>, sqlx::Error> {
    Ok(serials_by_tenant(conn, serials)
        .await?
        .into_iter()
        .flat_map(|(tenant, serials)| serials.into_iter().map(move |s| (s, tenant.clone())))
        .collect())
}
