//! Customers: the list, one customer, creating a dashboard, and its
//! settings.

use super::extract::{Json, Path};
use crate::auth::Actor;
use crate::error::{ApiError, ApiResult};
use crate::live::Audience;
use crate::state::AppState;
use crate::store::{self, Conn};
use axum::extract::State;
use wxp_core::api::Topic;
use wxp_core::engine::{CustomerSummary, NewCustomer, Portfolio};
use wxp_core::rng::Rng;
use wxp_core::rules::{access, dashboard};
use wxp_core::{Customer, CustomerId, TenantId};

/// The customer `id` names, if the actor may see it. A malformed ID gets
/// the same answer as another tenant's: there is no such customer here.
pub async fn visible(conn: &mut Conn, actor: &Actor, id: &str) -> ApiResult<Customer> {
    let id = CustomerId::parse(id).unwrap_or_else(|_| CustomerId(id.to_owned()));
    let found = store::customer(conn, &id).await?;
    Ok(access::visible_customer(actor.role(), &id, found.as_ref())?.clone())
}

/// The customers the actor may see, by name.
pub async fn visible_summaries(conn: &mut Conn, actor: &Actor) -> ApiResult<Vec<CustomerSummary>> {
    let mut customers: Vec<Customer> = store::customers_of(conn, actor.role())
        .await?
        .into_iter()
        .filter(|c| access::may_see_customer(actor.role(), c))
        .collect();
    customers.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(store::summaries(conn, customers).await?)
}

/// The audience of a change to a customer: its partner's admins and its
/// own IT Admins.
pub fn audience_of(customer: &Customer) -> Audience {
    Audience::Partner(customer.partner.clone(), Some(customer.id.clone()))
}

/// The customers the user may see.
#[utoipa::path(get, path = "/customers", tag = "customers",
    responses((status = 200, description = "A partner's customers, or an IT Admin's own, by name")))]
pub async fn list(
    State(state): State<AppState>,
    actor: Actor,
) -> ApiResult<Json<Vec<CustomerSummary>>> {
    let mut tx = state.db.read().await?;
    Ok(Json(visible_summaries(&mut tx, &actor).await?))
}

/// One customer.
#[utoipa::path(get, path = "/customers/{id}", tag = "customers",
    params(("id" = String, Path, description = "Customer ID")),
    responses((status = 200, description = "The customer"),
              (status = 404, description = "No such customer in the user's account")))]
pub async fn one(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<String>,
) -> ApiResult<Json<CustomerSummary>> {
    let mut tx = state.db.read().await?;
    let c = visible(&mut tx, &actor, &id).await?;
    Ok(Json(store::summary(&mut tx, c).await?))
}

/// A partner's portfolio.
#[utoipa::path(get, path = "/portfolio", tag = "customers",
    responses((status = 200, description = "The partner, its customers and its Unassigned Devices count"),
              (status = 403, description = "Not a partner admin")))]
pub async fn portfolio(State(state): State<AppState>, actor: Actor) -> ApiResult<Json<Portfolio>> {
    access::acting_partner_id(actor.role())?;
    let partner = actor
        .partner
        .clone()
        .ok_or_else(|| ApiError::Internal("a partner admin without a partner".into()))?;
    let mut tx = state.db.read().await?;
    let unassigned = if partner.setup_complete {
        let holding = TenantId::Holding(partner.id.clone());
        Some(store::device_counts(&mut tx, &holding).await?.0 as usize)
    } else {
        None
    };
    Ok(Json(Portfolio {
        customers: visible_summaries(&mut tx, &actor).await?,
        partner,
        unassigned,
    }))
}

/// Creates a customer dashboard: issues its Customer ID and cPIN, and an IT
/// Admin account for its admin e-mail.
#[utoipa::path(post, path = "/customers", tag = "customers",
    request_body(content = inline(Object), description = "`{\"name\", \"country\", \"admin_email\"}`"),
    responses((status = 200, description = "The new Customer ID"),
              (status = 403, description = "Not a partner admin"),
              (status = 422, description = "A field is wrong, or the name is taken")))]
pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    Json(new): Json<NewCustomer>,
) -> ApiResult<Json<CustomerId>> {
    let partner = access::acting_partner_id(actor.role())?.clone();
    let mut tx = state.db.write().await?;
    let key = dashboard::name_key(&new.name);
    let (taken,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM customers WHERE partner_id = $1 AND name_key = $2")
            .bind(&partner.0)
            .bind(&key)
            .fetch_one(&mut *tx)
            .await?;
    let (email_taken,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users WHERE email_key = $1")
        .bind(dashboard::email_key(&new.admin_email))
        .fetch_one(&mut *tx)
        .await?;
    let new = dashboard::check_new_customer(new, |_| taken > 0, |_| email_taken > 0)?;
    let mut rng = Rng::new(random_u64()?);
    let id = loop {
        let id = CustomerId::from_bits(rng.next_u64() as u32);
        if store::customer(&mut tx, &id).await?.is_none() {
            break id;
        }
    };
    // Customer IDs and cPINs are random; one already taken is drawn again.
    // Two requests drawing the same one at once cannot both commit: SQLite
    // runs one writer at a time, and PostgreSQL fails one of the two
    // serializable transactions, which then runs again.
    let cpin = loop {
        let cpin = wxp_core::seed::cpin(&mut rng);
        if !store::cpin_taken(&mut tx, &cpin).await? {
            break cpin;
        }
    };
    let customer = Customer {
        id: id.clone(),
        partner,
        name: new.name.clone(),
        country: new.country,
        cpin,
        insights_collection: false,
        self_service_alerts: false,
    };
    // A name another request took in between violates the unique index;
    // the request then runs again and finds the name taken.
    store::insert_customer(&mut tx, &customer).await?;
    let admin = dashboard::it_admin_for(&customer, &new.admin_email);
    let seq = store::next_user_seq(&mut tx).await?;
    store::insert_user(&mut tx, &admin, None, seq).await?;
    tx.commit().await?;
    state.live.tell(Topic::Customers, audience_of(&customer));
    Ok(Json(id))
}

fn random_u64() -> ApiResult<u64> {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).map_err(|e| ApiError::Internal(format!("no randomness: {e}")))?;
    Ok(u64::from_le_bytes(bytes))
}
