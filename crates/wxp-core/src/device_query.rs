//! Sorting and filtering device lists.
//!
//! Built for 100,000 devices per list: sorting is done once per sort change
//! and yields an order of row indices; a filter keystroke then only walks
//! that order over a pre-lowered search text, keeping rows in sorted order.

use crate::fast_hash::FastSet;
use crate::model::{Device, SupportPlan};
use std::cmp::Ordering;
use std::sync::{Arc, OnceLock};

/// A column a device list can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// Serial Number.
    Serial,
    /// Model.
    Model,
    /// Product Number.
    ProductNumber,
    /// Support plan.
    Plan,
    /// Warranty end.
    WarrantyEnd,
    /// Last seen.
    LastSeen,
    /// Last signed-in user.
    LastUser,
    /// Location.
    Location,
}

/// A sort order: a column and a direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    /// The column.
    pub key: SortKey,
    /// Largest first.
    pub descending: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Sort {
            key: SortKey::Serial,
            descending: false,
        }
    }
}

impl Sort {
    /// The sort after the user clicks the header of `key`: the same column
    /// flips direction, another column sorts ascending.
    pub fn toggled(self, key: SortKey) -> Sort {
        Sort {
            key,
            descending: self.key == key && !self.descending,
        }
    }
}

/// What the user narrowed a list to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Free text: every word must appear in the serial number, model,
    /// product number, last signed-in user or location (any letter case).
    pub text: String,
    /// Only this plan.
    pub plan: Option<SupportPlan>,
    /// Only this model.
    pub model: Option<Arc<str>>,
}

impl Filter {
    /// Whether the filter can hide rows.
    pub fn is_active(&self) -> bool {
        !self.text.trim().is_empty() || self.plan.is_some() || self.model.is_some()
    }

    /// Whether every row this filter keeps is also kept by `previous`, so
    /// that it can be applied to `previous`'s result instead of the whole
    /// list: the common case of typing one more letter. It is when each word
    /// of `previous` is part of some word of `self`, and `self` keeps the
    /// plan and model of `previous` (if any).
    pub fn narrows(&self, previous: &Filter) -> bool {
        let words: Vec<String> = self
            .text
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        previous.plan.is_none_or(|p| self.plan == Some(p))
            && previous
                .model
                .as_ref()
                .is_none_or(|m| self.model.as_ref() == Some(m))
            && previous
                .text
                .split_whitespace()
                .map(str::to_lowercase)
                .all(|old| words.iter().any(|new| new.contains(&old)))
    }
}

/// The lower-cased searchable text of every device, in one buffer: built
/// at once ([`SearchIndex::new`]) or by the first search by text
/// ([`SearchIndex::later`]). For 100,000 PCs building it is a task of its
/// own, which a list's first render need not wait for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchIndex {
    built: OnceLock<Texts>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Texts {
    text: String,
    /// `ends[i]` is where device `i`'s text ends in `text`.
    ends: Vec<u32>,
}

impl SearchIndex {
    /// Indexes `devices` now.
    pub fn new(devices: &[Device]) -> SearchIndex {
        let index = SearchIndex::later();
        index.texts(devices);
        index
    }

    /// An index of the devices it is first searched with, built then.
    pub fn later() -> SearchIndex {
        SearchIndex::default()
    }

    fn texts(&self, devices: &[Device]) -> &Texts {
        self.built.get_or_init(|| {
            let mut text = String::with_capacity(devices.len() * 64);
            let mut ends = Vec::with_capacity(devices.len());
            for d in devices {
                let fields = [
                    Some(d.serial.as_str()),
                    Some(&d.model),
                    Some(&d.product_number),
                    d.last_user.as_deref(),
                    d.location.as_deref(),
                ];
                for field in fields.into_iter().flatten() {
                    // A separator no word can contain, so terms never match
                    // across two fields.
                    text.push('\u{1}');
                    text.extend(field.chars().flat_map(char::to_lowercase));
                }
                ends.push(text.len() as u32);
            }
            Texts { text, ends }
        })
    }
}

impl Texts {
    fn haystack(&self, row: u32) -> &str {
        let row = row as usize;
        let start = if row == 0 {
            0
        } else {
            self.ends[row - 1] as usize
        };
        &self.text[start..self.ends[row] as usize]
    }
}

/// Row indices of `devices` in the order of `sort`.
pub fn sorted_order(devices: &[Device], sort: Sort) -> Vec<u32> {
    let mut order: Vec<u32> = (0..devices.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| {
        let (a, b) = (&devices[a as usize], &devices[b as usize]);
        let primary = compare(a, b, sort.key);
        let primary = if sort.descending {
            primary.reverse()
        } else {
            primary
        };
        // Serials are unique: the order is total and stable across runs.
        primary.then_with(|| a.serial.cmp(&b.serial))
    });
    order
}

fn compare(a: &Device, b: &Device, key: SortKey) -> Ordering {
    match key {
        SortKey::Serial => a.serial.cmp(&b.serial),
        SortKey::Model => a.model.cmp(&b.model),
        SortKey::ProductNumber => a.product_number.cmp(&b.product_number),
        SortKey::Plan => a.plan.cmp(&b.plan),
        SortKey::WarrantyEnd => a.warranty_end.cmp(&b.warranty_end),
        SortKey::LastSeen => a.last_seen.cmp(&b.last_seen),
        SortKey::LastUser => a.last_user.cmp(&b.last_user),
        SortKey::Location => a.location.cmp(&b.location),
    }
}

/// The rows of `order` that `filter` keeps, in the same order.
pub fn filter_rows(
    devices: &[Device],
    index: &SearchIndex,
    order: &[u32],
    filter: &Filter,
) -> Vec<u32> {
    if !filter.is_active() {
        return order.to_vec();
    }
    let terms: Vec<String> = filter
        .text
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    // Only a search by text needs the index.
    let texts = (!terms.is_empty()).then(|| index.texts(devices));
    order
        .iter()
        .copied()
        .filter(|&row| {
            let d = &devices[row as usize];
            filter.plan.is_none_or(|p| d.plan == p)
                && filter.model.as_ref().is_none_or(|m| d.model == *m)
                && texts.is_none_or(|texts| {
                    let haystack = texts.haystack(row);
                    terms.iter().all(|t| haystack.contains(t.as_str()))
                })
        })
        .collect()
}

/// The distinct models of `devices`, sorted, for the model filter.
pub fn models(devices: &[Device]) -> Vec<Arc<str>> {
    // A few dozen models among 100,000 PCs: gathered once each, then sorted.
    let distinct: FastSet<&Arc<str>> = devices.iter().map(|d| &d.model).collect();
    let mut models: Vec<Arc<str>> = distinct.into_iter().cloned().collect();
    models.sort_unstable();
    models
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::{Date, Timestamp};
    use crate::serial::SerialNumber;

    fn device(serial: &str, model: &str, plan: SupportPlan, user: Option<&str>) -> Device {
        Device {
            serial: SerialNumber::parse(serial).unwrap(),
            model: model.into(),
            product_number: "818F3EA".into(),
            plan,
            warranty_end: Date(20_000),
            last_seen: Timestamp(0),
            last_user: user.map(Into::into),
            location: None,
        }
    }

    fn fleet() -> Vec<Device> {
        vec![
            device(
                "5CG0000003",
                "HP ProBook 450 G10",
                SupportPlan::Premium,
                Some("Giulia Rossi"),
            ),
            device(
                "5CG0000001",
                "HP EliteBook 840 G10",
                SupportPlan::PremiumPlus,
                None,
            ),
            device(
                "8CG0000002",
                "HP EliteBook 840 G10",
                SupportPlan::Premium,
                Some("James Smith"),
            ),
        ]
    }

    #[test]
    fn sorts_by_column_and_direction_with_serial_tiebreak() {
        let d = fleet();
        assert_eq!(sorted_order(&d, Sort::default()), vec![1, 0, 2]);
        let by_model = Sort {
            key: SortKey::Model,
            descending: false,
        };
        assert_eq!(sorted_order(&d, by_model), vec![1, 2, 0]);
        assert_eq!(
            sorted_order(&d, by_model.toggled(SortKey::Model)),
            vec![0, 1, 2]
        );
        assert!(!by_model.toggled(SortKey::Plan).descending);
    }

    #[test]
    fn text_filter_matches_every_word_in_any_field_any_case() {
        let d = fleet();
        let index = SearchIndex::new(&d);
        let order = sorted_order(&d, Sort::default());
        let f = |text: &str| Filter {
            text: text.into(),
            ..Filter::default()
        };
        assert_eq!(filter_rows(&d, &index, &order, &f("elitebook")), vec![1, 2]);
        assert_eq!(
            filter_rows(&d, &index, &order, &f("ELITEBOOK smith")),
            vec![2]
        );
        assert_eq!(filter_rows(&d, &index, &order, &f("5cg")), vec![1, 0]);
        assert_eq!(filter_rows(&d, &index, &order, &f("   ")), vec![1, 0, 2]);
        // Words never match across two fields.
        assert!(filter_rows(&d, &index, &order, &f("g10818f")).is_empty());
    }

    #[test]
    fn an_index_built_later_is_built_by_the_first_text_search_only() {
        let d = fleet();
        let order = sorted_order(&d, Sort::default());
        let later = SearchIndex::later();
        let by_plan = Filter {
            plan: Some(SupportPlan::PremiumPlus),
            ..Filter::default()
        };
        let eager = SearchIndex::new(&d);
        assert_eq!(
            filter_rows(&d, &later, &order, &by_plan),
            filter_rows(&d, &eager, &order, &by_plan)
        );
        assert_eq!(later, SearchIndex::later(), "not built without text");
        let text = Filter {
            text: "elitebook".into(),
            ..Filter::default()
        };
        assert_eq!(filter_rows(&d, &later, &order, &text), vec![1, 2]);
        assert_eq!(later, eager);
    }

    #[test]
    fn narrowing_is_recognised_only_when_it_is_safe() {
        let f = |text: &str, plan: Option<SupportPlan>| Filter {
            text: text.into(),
            plan,
            model: None,
        };
        assert!(f("elit", None).narrows(&f("eli", None)));
        assert!(f("elitebook 8", None).narrows(&f("elitebook", None)));
        assert!(f("ELITE", Some(SupportPlan::Premium)).narrows(&f("elite", None)));
        assert!(f("x", None).narrows(&f("", None)));
        assert!(!f("eli", None).narrows(&f("elit", None)));
        assert!(!f("probook", None).narrows(&f("elite", None)));
        assert!(!f("elite", None).narrows(&f("elite", Some(SupportPlan::Premium))));
        assert!(!f("elite", Some(SupportPlan::PremiumPlus))
            .narrows(&f("elite", Some(SupportPlan::Premium))));
    }

    #[test]
    fn filtering_a_narrowed_result_equals_filtering_everything() {
        let d = fleet();
        let index = SearchIndex::new(&d);
        let order = sorted_order(&d, Sort::default());
        let wide = Filter {
            text: "elite".into(),
            ..Filter::default()
        };
        let narrow = Filter {
            text: "elitebook smith".into(),
            ..Filter::default()
        };
        assert!(narrow.narrows(&wide));
        let from_wide = filter_rows(&d, &index, &filter_rows(&d, &index, &order, &wide), &narrow);
        assert_eq!(from_wide, filter_rows(&d, &index, &order, &narrow));
    }

    #[test]
    fn plan_and_model_filters_combine() {
        let d = fleet();
        let index = SearchIndex::new(&d);
        let order = sorted_order(&d, Sort::default());
        let filter = Filter {
            plan: Some(SupportPlan::Premium),
            model: Some("HP EliteBook 840 G10".into()),
            ..Filter::default()
        };
        assert!(filter.is_active());
        assert_eq!(filter_rows(&d, &index, &order, &filter), vec![2]);
        assert_eq!(models(&d).len(), 2);
    }
}
