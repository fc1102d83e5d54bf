//! A device list that stays fluid with 100,000 PCs: sortable columns, text
//! and plan/model filters, selection, copy and CSV export.
//!
//! Only the rows on screen (plus a small margin) are in the page; spacer
//! rows above and below keep the scroll bar true to the whole list. Sorting
//! and filtering are the plain functions of `wxp_core::device_query`.

use crate::browser;
use crate::i18n::format::{date, number, timestamp};
use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_fluent::{move_tr, tr};
use std::sync::Arc;
use wxp_core::date::{Date, Timestamp};
use wxp_core::device_query::{self, Filter, SearchIndex, Sort, SortKey};
use wxp_core::export;
use wxp_core::fast_hash::FastSet;
use wxp_core::{Device, SerialNumber, SupportPlan};

/// Every row is exactly this tall (see `.device-table tbody tr` in the
/// style sheet); the virtual scrolling depends on it.
pub const ROW_HEIGHT: f64 = 40.0;
/// Rows rendered beyond each edge of the viewport, so fast scrolling does
/// not show blank space.
const OVERSCAN: usize = 10;

/// A column: its sort key (which also names its header), and whether it
/// shows HP Insights data.
struct Column {
    key: SortKey,
    insights: bool,
}

const COLUMNS: &[Column] = &[
    Column {
        key: SortKey::Serial,
        insights: false,
    },
    Column {
        key: SortKey::Model,
        insights: false,
    },
    Column {
        key: SortKey::ProductNumber,
        insights: false,
    },
    Column {
        key: SortKey::Plan,
        insights: false,
    },
    Column {
        key: SortKey::WarrantyEnd,
        insights: false,
    },
    Column {
        key: SortKey::LastSeen,
        insights: false,
    },
    Column {
        key: SortKey::LastUser,
        insights: true,
    },
    Column {
        key: SortKey::Location,
        insights: true,
    },
];

/// A column's header, in the current language.
fn title(key: SortKey) -> String {
    match key {
        SortKey::Serial => tr!("device-table-serial-number"),
        SortKey::Model => tr!("device-table-model"),
        SortKey::ProductNumber => tr!("device-table-product-number"),
        SortKey::Plan => tr!("device-table-support-plan"),
        SortKey::WarrantyEnd => tr!("device-table-warranty-end"),
        SortKey::LastSeen => tr!("device-table-last-seen"),
        SortKey::LastUser => tr!("device-table-last-user"),
        SortKey::Location => tr!("device-table-location"),
    }
}

/// What a cell shows: text that reads the same in every language, or a
/// date or an instant, worded in the current language when shown.
enum Cell {
    Text(String),
    Date(Date),
    Timestamp(Timestamp),
}

fn cell(device: &Device, key: SortKey) -> Cell {
    match key {
        SortKey::Serial => Cell::Text(device.serial.to_string()),
        SortKey::Model => Cell::Text(device.model.to_string()),
        SortKey::ProductNumber => Cell::Text(device.product_number.to_string()),
        SortKey::Plan => Cell::Text(device.plan.label().to_owned()),
        SortKey::WarrantyEnd => Cell::Date(device.warranty_end),
        SortKey::LastSeen => Cell::Timestamp(device.last_seen),
        SortKey::LastUser => Cell::Text(device.last_user.as_deref().unwrap_or("—").to_owned()),
        SortKey::Location => Cell::Text(device.location.as_deref().unwrap_or("—").to_owned()),
    }
}

/// The outcome of Copy or Export, announced in a live region; worded when
/// shown, so that it follows a change of language.
#[derive(Clone)]
enum Feedback {
    /// This many serial numbers were copied.
    Copied(usize),
    /// This many PCs were exported to this file.
    Exported(usize, String),
    /// Copying failed, for this reason.
    CopyFailed(String),
    /// Exporting failed, for this reason.
    ExportFailed(String),
}

/// A sortable, filterable, virtualised list of PCs.
#[component]
pub fn DeviceTable(
    /// The PCs to list.
    devices: Arc<Vec<Device>>,
    /// Whether to show Last signed-in user and Location (the customer's HP
    /// Insights collection is on).
    insights: bool,
    /// The table's accessible name, e.g. "Unassigned Devices".
    #[prop(into)]
    label: Signal<String>,
    /// The export file name without extension.
    export_name: String,
) -> impl IntoView {
    let columns: Vec<&'static Column> =
        COLUMNS.iter().filter(|c| insights || !c.insights).collect();
    let column_count = columns.len() + 1;
    let index = Arc::new(SearchIndex::later());
    let models = device_query::models(&devices);
    let total = devices.len();

    let sort = RwSignal::new(Sort::default());
    let text = RwSignal::new(String::new());
    let plan = RwSignal::new(None::<SupportPlan>);
    let model = RwSignal::new(None::<Arc<str>>);
    let selected = RwSignal::new(FastSet::<SerialNumber>::default());
    let feedback = RwSignal::new(None::<Feedback>);
    let scroll_top = RwSignal::new(0.0_f64);
    let viewport_height = RwSignal::new(640.0_f64);

    let order = Memo::new({
        let devices = devices.clone();
        move |_| device_query::sorted_order(&devices, sort.get())
    });
    let filter = Memo::new(move |_| Filter {
        text: text.get(),
        plan: plan.get(),
        model: model.get(),
    });
    // The shown rows, with the filter that made them. Typing one more
    // letter narrows the previous result instead of scanning every row.
    let filtered = Memo::new({
        let devices = devices.clone();
        move |previous: Option<&(Filter, Vec<u32>, Sort)>| {
            let sort_now = sort.get();
            filter.with(|f| match previous {
                Some((before, rows, sorted_by)) if *sorted_by == sort_now && f.narrows(before) => (
                    f.clone(),
                    device_query::filter_rows(&devices, &index, rows, f),
                    sort_now,
                ),
                _ => (
                    f.clone(),
                    order.with(|o| device_query::filter_rows(&devices, &index, o, f)),
                    sort_now,
                ),
            })
        }
    });
    let shown = Memo::new(move |_| filtered.with(|(_, rows, _)| rows.len()));
    // The rows in the page: those under the viewport, plus the overscan.
    let window = Memo::new(move |_| {
        let shown = shown.get();
        let first = ((scroll_top.get() / ROW_HEIGHT) as usize)
            .saturating_sub(OVERSCAN)
            .min(shown);
        let count = (viewport_height.get() / ROW_HEIGHT).ceil() as usize + 2 * OVERSCAN;
        (first, (first + count).min(shown))
    });

    // What Copy and Export act on: the selected PCs that are shown, or all
    // shown PCs when none is selected.
    let target_rows = {
        let devices = devices.clone();
        move || -> Vec<u32> {
            selected.with(|sel| {
                filtered.with(|(_, rows, _)| {
                    if sel.is_empty() {
                        rows.clone()
                    } else {
                        rows.iter()
                            .copied()
                            .filter(|&r| sel.contains(&devices[r as usize].serial))
                            .collect()
                    }
                })
            })
        }
    };
    let scope = move || {
        let n = selected.with(|sel| sel.len());
        if n == 0 {
            let shown = shown.get();
            tr!("device-table-scope-all", {"count" => shown, "n" => number(shown)})
        } else {
            tr!("device-table-scope-selected", {"count" => n, "n" => number(n)})
        }
    };

    let copy = {
        let devices = devices.clone();
        let target_rows = target_rows.clone();
        move |_| {
            let rows = target_rows();
            let text: String = rows
                .iter()
                .map(|&r| devices[r as usize].serial.as_str())
                .collect::<Vec<_>>()
                .join("\n");
            spawn_local(async move {
                feedback.set(Some(match browser::copy_to_clipboard(&text).await {
                    Ok(()) => Feedback::Copied(rows.len()),
                    Err(e) => Feedback::CopyFailed(e),
                }));
            });
        }
    };
    let export_csv = {
        let devices = devices.clone();
        move |_| {
            let rows = target_rows();
            let csv = export::devices_csv(&devices, &rows, insights);
            let file = format!("{export_name}.csv");
            feedback.set(Some(match browser::download_csv(&file, &csv) {
                Ok(()) => Feedback::Exported(rows.len(), file),
                Err(e) => Feedback::ExportFailed(e),
            }));
        }
    };
    let clear_filters = move |_| {
        text.set(String::new());
        plan.set(None);
        model.set(None);
    };

    let viewport_ref = NodeRef::<leptos::html::Div>::new();
    // The height rows can show in: the scroll container's, but never more
    // than the window's, so that a container without its style sheet (which
    // would grow to the whole list) still renders only a screenful.
    let measure = move |el: &web_sys::HtmlDivElement| {
        let window = web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
            .unwrap_or(1_000.0);
        viewport_height.set(f64::from(el.client_height().max(1)).min(window));
    };
    // Talks to the outside world: measures once the viewport exists and
    // whenever the window is resized.
    Effect::new(move |_| {
        if let Some(el) = viewport_ref.get() {
            measure(&el);
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        if let Some(el) = viewport_ref.get_untracked() {
            measure(&el);
        }
    });
    on_cleanup(move || resize.remove());

    let all_shown_selected = {
        let devices = devices.clone();
        move || {
            filtered.with(|(_, rows, _)| {
                !rows.is_empty()
                    && selected.with(|sel| {
                        rows.iter()
                            .all(|&r| sel.contains(&devices[r as usize].serial))
                    })
            })
        }
    };
    let toggle_all = {
        let devices = devices.clone();
        move |ev| {
            let check = event_target_checked(&ev);
            filtered.with_untracked(|(_, rows, _)| {
                selected.update(|sel| {
                    for &r in rows {
                        let serial = devices[r as usize].serial;
                        if check {
                            sel.insert(serial);
                        } else {
                            sel.remove(&serial);
                        }
                    }
                })
            });
        }
    };

    let header_cells = columns
        .iter()
        .map(|column| {
            let key = column.key;
            let aria_sort = move || {
                let s = sort.get();
                if s.key != key {
                    "none"
                } else if s.descending {
                    "descending"
                } else {
                    "ascending"
                }
            };
            let arrow = move || match aria_sort() {
                "ascending" => "▲",
                "descending" => "▼",
                _ => "",
            };
            view! {
                <th scope="col" aria-sort=aria_sort>
                    <button type="button" class="sort" on:click=move |_| sort.update(|s| *s = s.toggled(key))>
                        {move || title(key)}
                        <span class="sort-arrow" aria-hidden="true">{arrow}</span>
                    </button>
                </th>
            }
        })
        .collect_view();

    let row_view = {
        let devices = devices.clone();
        let columns = columns.clone();
        move |(position, row): (usize, u32)| {
            let device = &devices[row as usize];
            let serial = device.serial;
            let is_selected = move || selected.with(|sel| sel.contains(&serial));
            let cells = columns
                .iter()
                .map(|c| match cell(device, c.key) {
                    Cell::Text(text) => EitherOf3::A(view! { <td>{text}</td> }),
                    Cell::Date(d) => EitherOf3::B(view! { <td>{move || date(d)}</td> }),
                    Cell::Timestamp(t) => EitherOf3::C(view! { <td>{move || timestamp(t)}</td> }),
                })
                .collect_view();
            view! {
                <tr aria-rowindex=position + 2 aria-selected=move || is_selected().to_string()>
                    <td class="select">
                        <input
                            type="checkbox"
                            aria-label=move_tr!("device-table-select-row", {"serial" => serial.to_string()})
                            prop:checked=is_selected
                            on:change=move |ev| {
                                let check = event_target_checked(&ev);
                                selected.update(|sel| {
                                    if check { sel.insert(serial); } else { sel.remove(&serial); }
                                });
                            }
                        />
                    </td>
                    {cells}
                </tr>
            }
        }
    };
    let visible = move || {
        let (first, last) = window.get();
        filtered.with(|(_, rows, _)| {
            rows[first..last]
                .iter()
                .enumerate()
                .map(|(i, &r)| (first + i, r))
                .collect::<Vec<_>>()
        })
    };
    let spacer = move |height: f64| {
        view! {
            <tr class="spacer" aria-hidden="true">
                <td colspan=column_count style:height=format!("{height}px")></td>
            </tr>
        }
    };

    // Outside the `<tr>`: see `crate::i18n` on the translations check.
    let select_all_label = move_tr!("device-table-select-all");
    view! {
        <section class="device-list" aria-label=label>
            <div class="toolbar" role="search">
                <label class="field">
                    <span>{move_tr!("device-table-search")}</span>
                    <input
                        type="search"
                        placeholder=move_tr!("device-table-search-placeholder")
                        prop:value=text
                        on:input=move |ev| text.set(event_target_value(&ev))
                    />
                </label>
                <label class="field">
                    <span>{move_tr!("device-table-support-plan")}</span>
                    <select
                        prop:value=move || plan.get().map(|p| p.label()).unwrap_or("")
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            plan.set(SupportPlan::ALL.into_iter().find(|p| p.label() == value));
                        }
                    >
                        <option value="">{move_tr!("device-table-all-plans")}</option>
                        {SupportPlan::ALL.map(|p| view! { <option value=p.label()>{p.label()}</option> })}
                    </select>
                </label>
                <label class="field">
                    <span>{move_tr!("device-table-model")}</span>
                    <select
                        prop:value=move || model.get().map(|m| m.to_string()).unwrap_or_default()
                        on:change={
                            let models = models.clone();
                            move |ev| {
                                let value = event_target_value(&ev);
                                model.set(models.iter().find(|m| ***m == *value).cloned());
                            }
                        }
                    >
                        <option value="">{move_tr!("device-table-all-models")}</option>
                        {models.iter().map(|m| view! { <option value=m.to_string()>{m.to_string()}</option> }).collect_view()}
                    </select>
                </label>
            </div>
            <div class="list-status">
                <p class="count" role="status">
                    {move || {
                        if filter.with(Filter::is_active) {
                            tr!("device-table-showing", {
                                "shown" => number(shown.get()),
                                "total" => number(total),
                                "count" => total,
                            })
                        } else {
                            tr!("device-table-pcs", {"count" => total, "n" => number(total)})
                        }
                    }}
                    {move || {
                        let n = selected.with(FastSet::len);
                        (n > 0).then(|| (" · ", tr!("device-table-selected", {"count" => n, "n" => number(n)})))
                    }}
                </p>
                {move || {
                    filter.with(Filter::is_active).then(|| view! {
                        <p class="filter-warning">
                            {move_tr!("device-table-filters-hide")} " "
                            <button type="button" class="link" on:click=clear_filters>{move_tr!("device-table-clear-filters")}</button>
                        </p>
                    })
                }}
                <div class="actions">
                    <button type="button" on:click=copy aria-describedby="list-scope">{move_tr!("device-table-copy-serial-numbers")}</button>
                    <button type="button" on:click=export_csv aria-describedby="list-scope">{move_tr!("device-table-export-csv")}</button>
                    <span id="list-scope" class="scope">{scope}</span>
                </div>
                <p class="feedback" role="status">
                    {move || match feedback.get() {
                        Some(Feedback::Copied(n)) => {
                            let m = tr!("device-table-copied", {"count" => n, "n" => number(n)});
                            view! { <span class="ok">{m}</span> }.into_any()
                        }
                        Some(Feedback::Exported(n, file)) => {
                            let m = tr!("device-table-exported", {"count" => n, "n" => number(n), "file" => file});
                            view! { <span class="ok">{m}</span> }.into_any()
                        }
                        Some(Feedback::CopyFailed(e)) => {
                            let m = tr!("device-table-copy-failed", {"error" => e});
                            view! { <span class="failed">{m}</span> }.into_any()
                        }
                        Some(Feedback::ExportFailed(e)) => {
                            let m = tr!("device-table-export-failed", {"error" => e});
                            view! { <span class="failed">{m}</span> }.into_any()
                        }
                        None => ().into_any(),
                    }}
                </p>
            </div>
            <div
                class="table-viewport"
                node_ref=viewport_ref
                on:scroll=move |ev| scroll_top.set(f64::from(event_target::<web_sys::Element>(&ev).scroll_top()))
            >
                <table class="device-table" aria-label=label aria-rowcount=move || shown.get() + 1>
                    <thead>
                        <tr aria-rowindex="1">
                            <th scope="col" class="select">
                                <input
                                    type="checkbox"
                                    aria-label=select_all_label
                                    prop:checked=all_shown_selected
                                    on:change=toggle_all
                                />
                            </th>
                            {header_cells}
                        </tr>
                    </thead>
                    <tbody>
                        {move || spacer(window.get().0 as f64 * ROW_HEIGHT)}
                        <For each=visible key=|entry| *entry children=row_view/>
                        {move || {
                            let (_, last) = window.get();
                            spacer((shown.get() - last) as f64 * ROW_HEIGHT)
                        }}
                    </tbody>
                </table>
                {move || {
                    (shown.get() == 0).then(|| view! {
                        <p class="empty">
                            {if total == 0 {
                                move_tr!("device-table-no-pcs")
                            } else {
                                move_tr!("device-table-no-match")
                            }}
                        </p>
                    })
                }}
            </div>
        </section>
    }
}
