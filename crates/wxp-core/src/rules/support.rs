//! Opening support cases.

use crate::engine::{CaseError, NewCase};
use crate::serial::SerialNumber;

/// Today's `open_case` checks: subject trimmed non-empty
/// ([`CaseError::EmptySubject`]), blank serials dropped, others parsed and
/// normalised ([`CaseError::BadSerial`] with the trimmed text), description
/// trimmed. Returns the case as it is recorded.
pub fn check_case(case: NewCase) -> Result<NewCase, CaseError> {
    let subject = case.subject.trim().to_owned();
    if subject.is_empty() {
        return Err(CaseError::EmptySubject);
    }
    let serials = case
        .serials
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            SerialNumber::parse(s)
                .map(|s| s.to_string())
                .map_err(|_| CaseError::BadSerial(s.trim().to_owned()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(NewCase {
        subject,
        description: case.description.trim().to_owned(),
        serials,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(subject: &str, serials: &[&str]) -> NewCase {
        NewCase {
            subject: subject.to_owned(),
            description: "  PCs missing \n".to_owned(),
            serials: serials.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn a_case_is_trimmed_and_its_serials_normalised() {
        let checked = check_case(case(" Missing PCs ", &[" 5cg1234abc", "  ", ""])).unwrap();
        assert_eq!(checked.subject, "Missing PCs");
        assert_eq!(checked.description, "PCs missing");
        assert_eq!(checked.serials, vec!["5CG1234ABC".to_owned()]);
    }

    #[test]
    fn a_case_needs_a_subject_and_real_serials() {
        assert_eq!(
            check_case(case(" \t", &["bad"])),
            Err(CaseError::EmptySubject)
        );
        assert_eq!(
            check_case(case("Missing PCs", &["5CG1234ABC", " bad "])),
            Err(CaseError::BadSerial("bad".to_owned()))
        );
    }
}
