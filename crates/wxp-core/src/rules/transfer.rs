//! Transfers: whether a submission may be queued, and each row's result
//! when the job runs.

use super::access::{acting_partner_id, check_holding_access, visible_customer};
use crate::engine::{
    AccessError, RowResult, RowState, SubmitError, SubmittedRow, TransferRequest,
    NOT_FOUND_DESCRIPTION, SUCCESS_DESCRIPTION,
};
use crate::fast_hash::{FastMap, FastSet};
use crate::ids::{CustomerId, PartnerId, TenantId};
use crate::model::{Customer, Partner, Role};
use crate::serial::SerialNumber;

/// The name of a partner's holding tenant, as the portal shows it.
pub const UNASSIGNED_DEVICES: &str = "Unassigned Devices";

/// The State Description of a row whose PC is already in the target
/// dashboard (the source is the target).
pub const ALREADY_THERE_DESCRIPTION: &str = "Device is already in this customer's dashboard";

/// The Customer ID the first row claims, if it parses (facts gatherers look
/// that customer up before calling [`check_submission`]).
pub fn claimed_target(rows: &[SubmittedRow]) -> Option<CustomerId> {
    CustomerId::parse(&rows.first()?.customer).ok()
}

/// What [`check_submission`] needs to know besides the request.
#[derive(Debug, Clone, Copy)]
pub struct SubmissionFacts<'a> {
    /// The acting user's role.
    pub role: &'a Role,
    /// The acting user's partner record (None for an IT admin).
    pub partner: Option<&'a Partner>,
    /// The source customer's record when the source is a dashboard (None if
    /// no such customer).
    pub source_customer: Option<&'a Customer>,
    /// The record of the customer [`claimed_target`] names, if it exists.
    pub target_customer: Option<&'a Customer>,
}

/// Whether a transfer may be queued: exactly the checks of
/// `Engine::check_submission`, in the same order, returning (partner id,
/// target id).
///
/// 1. The user acts for a partner ([`AccessError::PartnersOnly`]).
/// 2. The source is its own, set-up holding tenant or a dashboard it sees.
/// 3. There is a row ([`SubmitError::NoRows`]) whose Customer ID parses
///    ([`SubmitError::MalformedCustomerId`]).
/// 4. Every row names that Customer ID ([`SubmitError::MixedCustomerIds`]).
/// 5. The user sees that customer ([`SubmitError::UnknownCustomer`]).
pub fn check_submission(
    request: &TransferRequest,
    facts: &SubmissionFacts,
) -> Result<(PartnerId, CustomerId), SubmitError> {
    let role = facts.role;
    let partner = acting_partner_id(role)?;
    match &request.source {
        TenantId::Holding(p) => check_holding_access(role, facts.partner, p)?,
        TenantId::Customer(id) => {
            visible_customer(role, id, facts.source_customer)?;
        }
    }
    let first = request.rows.first().ok_or(SubmitError::NoRows)?;
    let target = CustomerId::parse(&first.customer)
        .map_err(|_| SubmitError::MalformedCustomerId(first.customer.trim().to_owned()))?;
    if request
        .rows
        .iter()
        .any(|r| CustomerId::parse(&r.customer).as_ref() != Ok(&target))
    {
        return Err(SubmitError::MixedCustomerIds);
    }
    visible_customer(role, &target, facts.target_customer)
        .map_err(|_: AccessError| SubmitError::UnknownCustomer(target.clone()))?;
    Ok((partner.clone(), target))
}

/// The serial numbers of the rows that parse, in row order (for the
/// gatherer to ask which are in the source).
pub fn row_serials(rows: &[SubmittedRow]) -> Vec<SerialNumber> {
    rows.iter()
        .filter_map(|r| SerialNumber::parse(&r.serial).ok())
        .collect()
}

/// Each row's result against the state of now, and the PCs to move —
/// exactly today's `Engine::plan_moves`.
///
/// In order, a row fails for an invalid serial number, a serial number
/// already on an earlier row ("also row N"), a PC not in `source`
/// ([`NOT_FOUND_DESCRIPTION`]), or a transfer of a dashboard to itself;
/// otherwise it succeeds and its PC is among those to move. `in_source`
/// answers whether a PC is in `source` now.
pub fn row_results(
    rows: &[SubmittedRow],
    source: &TenantId,
    target: &CustomerId,
    in_source: impl Fn(&SerialNumber) -> bool,
) -> (Vec<RowResult>, FastSet<SerialNumber>) {
    let to_itself = matches!(source, TenantId::Customer(id) if id == target);
    let mut moves = FastSet::default();
    let mut first_row: FastMap<SerialNumber, usize> = FastMap::default();
    let failed = |description: String| RowResult {
        state: RowState::Failed,
        description,
    };
    let results = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let serial = match SerialNumber::parse(&row.serial) {
                Ok(s) => s,
                Err(e) => return failed(format!("Invalid serial number: {e}")),
            };
            if let Some(&first) = first_row.get(&serial) {
                return failed(format!("Duplicate serial number (also row {})", first + 1));
            }
            first_row.insert(serial, i);
            if !in_source(&serial) {
                return failed(NOT_FOUND_DESCRIPTION.to_owned());
            }
            if to_itself {
                return failed(ALREADY_THERE_DESCRIPTION.to_owned());
            }
            moves.insert(serial);
            RowResult {
                state: RowState::Success,
                description: SUCCESS_DESCRIPTION.to_owned(),
            }
        })
        .collect();
    (results, moves)
}

/// "Unassigned Devices" for a holding tenant, else the customer name given
/// (empty when none is).
pub fn tenant_name(tenant: &TenantId, customer_name: Option<&str>) -> String {
    match tenant {
        TenantId::Holding(_) => UNASSIGNED_DEVICES.to_owned(),
        TenantId::Customer(_) => customer_name.unwrap_or_default().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PartnerKind;

    fn row(serial: &str, customer: &str) -> SubmittedRow {
        SubmittedRow {
            serial: serial.to_owned(),
            customer: customer.to_owned(),
        }
    }

    fn sn(s: &str) -> SerialNumber {
        SerialNumber::parse(s).unwrap()
    }

    fn customer(id: u32, partner: &str) -> Customer {
        Customer {
            id: CustomerId::from_bits(id),
            partner: PartnerId(partner.to_owned()),
            name: format!("Customer {id}"),
            country: "Spain".to_owned(),
            cpin: "ABC123".to_owned(),
            insights_collection: false,
            self_service_alerts: false,
        }
    }

    fn request(source: TenantId, rows: Vec<SubmittedRow>) -> TransferRequest {
        TransferRequest {
            key: "k".to_owned(),
            source,
            rows,
        }
    }

    #[test]
    fn the_first_row_claims_the_target() {
        assert_eq!(
            claimed_target(&[row("x", " cus-0000000a "), row("y", "junk")]),
            Some(CustomerId::from_bits(10))
        );
        assert_eq!(claimed_target(&[row("x", "junk")]), None);
        assert_eq!(claimed_target(&[]), None);
    }

    #[test]
    fn submissions_are_checked_in_order() {
        let p1 = PartnerId("P1".to_owned());
        let role = Role::PartnerAdmin {
            partner: p1.clone(),
        };
        let partner = Partner {
            id: p1.clone(),
            name: "P1".to_owned(),
            kind: PartnerKind::ServiceDelivery,
            setup_complete: true,
        };
        let target = customer(1, "P1");
        let foreign = customer(2, "P2");
        let facts = SubmissionFacts {
            role: &role,
            partner: Some(&partner),
            source_customer: None,
            target_customer: Some(&target),
        };
        let holding = TenantId::Holding(p1.clone());
        let ok = request(holding.clone(), vec![row("5CG1234ABC", "CUS-00000001")]);
        assert_eq!(
            check_submission(&ok, &facts),
            Ok((p1.clone(), target.id.clone()))
        );
        // Source before rows: another partner's holding tenant.
        let other = request(TenantId::Holding(PartnerId("P2".into())), vec![]);
        assert_eq!(
            check_submission(&other, &facts),
            Err(SubmitError::Access(AccessError::NoSuchHoldingTenant(
                PartnerId("P2".into())
            )))
        );
        assert_eq!(
            check_submission(&request(holding.clone(), vec![]), &facts),
            Err(SubmitError::NoRows)
        );
        assert_eq!(
            check_submission(&request(holding.clone(), vec![row("a", " nope ")]), &facts),
            Err(SubmitError::MalformedCustomerId("nope".to_owned()))
        );
        let mixed = request(
            holding.clone(),
            vec![row("a", "CUS-00000001"), row("b", "CUS-00000002")],
        );
        assert_eq!(
            check_submission(&mixed, &facts),
            Err(SubmitError::MixedCustomerIds)
        );
        let to_foreign = request(holding, vec![row("a", "CUS-00000002")]);
        let facts = SubmissionFacts {
            target_customer: Some(&foreign),
            ..facts
        };
        assert_eq!(
            check_submission(&to_foreign, &facts),
            Err(SubmitError::UnknownCustomer(foreign.id.clone()))
        );
        // An IT admin is refused before anything else.
        let it = Role::ItAdmin {
            customer: target.id.clone(),
        };
        let facts = SubmissionFacts {
            role: &it,
            partner: None,
            source_customer: Some(&target),
            target_customer: Some(&target),
        };
        let from_dashboard = request(TenantId::Customer(target.id.clone()), vec![]);
        assert_eq!(
            check_submission(&from_dashboard, &facts),
            Err(SubmitError::Access(AccessError::PartnersOnly))
        );
    }

    #[test]
    fn row_serials_skips_what_does_not_parse() {
        let rows = [row("5cg1234abc", ""), row("bad", ""), row("5CG0000001", "")];
        assert_eq!(row_serials(&rows), vec![sn("5CG1234ABC"), sn("5CG0000001")]);
    }

    #[test]
    fn each_row_gets_its_result() {
        let target = CustomerId::from_bits(1);
        let source = TenantId::Holding(PartnerId("P1".into()));
        let rows = [
            row("5CG0000001", ""),
            row("bad", ""),
            row("5cg0000001", ""),
            row("5CG0000002", ""),
            row("5CG0000001", ""),
        ];
        let (results, moves) = row_results(&rows, &source, &target, |s| *s == sn("5CG0000001"));
        let descriptions: Vec<_> = results.iter().map(|r| r.description.as_str()).collect();
        assert_eq!(results[0].state, RowState::Success);
        assert_eq!(descriptions[0], SUCCESS_DESCRIPTION);
        assert!(descriptions[1].starts_with("Invalid serial number: "));
        assert_eq!(descriptions[2], "Duplicate serial number (also row 1)");
        assert_eq!(descriptions[3], NOT_FOUND_DESCRIPTION);
        assert_eq!(descriptions[4], "Duplicate serial number (also row 1)");
        assert!(results[1..].iter().all(|r| r.state == RowState::Failed));
        assert_eq!(moves, FastSet::from_iter([sn("5CG0000001")]));
    }

    #[test]
    fn a_dashboard_does_not_transfer_to_itself() {
        let target = CustomerId::from_bits(1);
        let source = TenantId::Customer(target.clone());
        let (results, moves) = row_results(&[row("5CG0000001", "")], &source, &target, |_| true);
        assert_eq!(results[0].description, ALREADY_THERE_DESCRIPTION);
        assert!(moves.is_empty());
    }

    #[test]
    fn tenants_are_named() {
        let holding = TenantId::Holding(PartnerId("P1".into()));
        assert_eq!(tenant_name(&holding, Some("ignored")), UNASSIGNED_DEVICES);
        let dashboard = TenantId::Customer(CustomerId::from_bits(1));
        assert_eq!(tenant_name(&dashboard, Some("Contoso")), "Contoso");
        assert_eq!(tenant_name(&dashboard, None), "");
    }
}
