//! CSV output of device lists, safe to open in Excel.

use crate::model::Device;
use std::borrow::Cow;

/// Neutralises a cell that Excel would run as a formula (CSV injection):
/// one starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
/// leading apostrophe, which Excel shows as text.
pub fn safe_cell(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// Writes rows of cells as CSV with a header, every cell made safe.
pub fn write_csv<'a, R>(header: &[&str], rows: R) -> String
where
    R: IntoIterator,
    R::Item: IntoIterator<Item = Cow<'a, str>>,
{
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(header)
        .expect("writing to memory cannot fail");
    for row in rows {
        out.write_record(row.into_iter().map(|c| safe_cell(&c).into_owned()))
            .expect("writing to memory cannot fail");
    }
    String::from_utf8(out.into_inner().expect("writing to memory cannot fail"))
        .expect("cells are UTF-8")
}

/// The shown rows of a device list as CSV, with the insights columns
/// (last signed-in user, location) when the list shows them.
pub fn devices_csv(devices: &[Device], rows: &[u32], insights: bool) -> String {
    let mut header = vec![
        "Serial Number",
        "Model",
        "Product Number",
        "Support plan",
        "Warranty end",
        "Last seen",
    ];
    if insights {
        header.extend(["Last signed-in user", "Location"]);
    }
    write_csv(
        &header,
        rows.iter().map(|&row| {
            let d = &devices[row as usize];
            let mut cells: Vec<Cow<str>> = vec![
                d.serial.as_str().into(),
                (*d.model).into(),
                (*d.product_number).into(),
                d.plan.label().into(),
                d.warranty_end.to_string().into(),
                d.last_seen.to_string().into(),
            ];
            if insights {
                cells.push(d.last_user.as_deref().unwrap_or("").into());
                cells.push(d.location.as_deref().unwrap_or("").into());
            }
            cells
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::{Date, Timestamp};
    use crate::model::SupportPlan;
    use crate::serial::SerialNumber;

    #[test]
    fn neutralises_formulas() {
        assert_eq!(safe_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(safe_cell("+39 02"), "'+39 02");
        assert_eq!(safe_cell("-1"), "'-1");
        assert_eq!(safe_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe_cell("5CG1234ABC"), "5CG1234ABC");
        assert_eq!(safe_cell(""), "");
    }

    #[test]
    fn exports_shown_rows_in_order_with_quoting() {
        let d = |serial: &str, user: &str| Device {
            serial: SerialNumber::parse(serial).unwrap(),
            model: "HP EliteBook 840 G10".into(),
            product_number: "818F3EA".into(),
            plan: SupportPlan::PremiumPlus,
            warranty_end: Date::from_ymd(2028, 3, 31),
            last_seen: Timestamp::at(Date::from_ymd(2026, 11, 19), 8, 30),
            last_user: Some(user.into()),
            location: Some("Milan, IT".into()),
        };
        let devices = vec![d("5CG0000001", "Rossi, Giulia"), d("5CG0000002", "=cmd")];
        let csv = devices_csv(&devices, &[1, 0], true);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines[0],
            "Serial Number,Model,Product Number,Support plan,Warranty end,Last seen,Last signed-in user,Location"
        );
        assert!(lines[1].starts_with("5CG0000002,"));
        assert!(lines[1].contains(",'=cmd,"));
        assert!(lines[2].contains("\"Rossi, Giulia\""));
        assert_eq!(
            devices_csv(&devices, &[0], false)
                .lines()
                .next()
                .unwrap()
                .split(',')
                .count(),
            6
        );
    }
}
