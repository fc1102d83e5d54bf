//! A horizontal bar chart in SVG, with its numbers in text for everyone.

use crate::i18n::format::number;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// What the bar counts.
    pub label: Signal<String>,
    /// How many.
    pub value: usize,
    /// Drawn in the accent colour (e.g. the unassigned PCs).
    pub highlight: bool,
}

const BAR_HEIGHT: usize = 22;
const GAP: usize = 8;
const LABEL_WIDTH: usize = 190;
const BAR_WIDTH: usize = 360;

/// Bars scaled to the largest value. The chart is an image whose
/// accessible name lists every value.
#[component]
pub fn BarChart(
    /// The chart's title.
    title: Signal<String>,
    /// The bars, top to bottom.
    bars: Vec<Bar>,
) -> impl IntoView {
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let height = bars.len() * (BAR_HEIGHT + GAP);
    let width = LABEL_WIDTH + BAR_WIDTH + 70;
    let values = bars.iter().map(|b| (b.label, b.value)).collect::<Vec<_>>();
    let description = move_tr!("bar-chart-description", {
        "title" => title.get(),
        "values" => values
            .iter()
            .map(|(label, value)| tr!("bar-chart-value", {"label" => label.get(), "value" => number(*value)}))
            .collect::<Vec<_>>()
            .join("; "),
    });
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            let y = i * (BAR_HEIGHT + GAP);
            let w = (bar.value * BAR_WIDTH).div_ceil(max);
            let value = bar.value;
            view! {
                <g>
                    <text x=LABEL_WIDTH - 8 y=y + 16 text-anchor="end" class="chart-label">
                        {bar.label}
                    </text>
                    <rect
                        x=LABEL_WIDTH
                        y=y
                        width=w
                        height=BAR_HEIGHT
                        rx="3"
                        class=if bar.highlight { "chart-bar highlight" } else { "chart-bar" }
                    ></rect>
                    <text x=LABEL_WIDTH + w + 6 y=y + 16 class="chart-value">
                        {move || number(value)}
                    </text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="bar-chart">
            <figcaption>{title}</figcaption>
            <svg
                role="img"
                aria-label=description
                viewBox=format!("0 0 {width} {height}")
                width=width
                height=height
            >
                {rows}
            </svg>
        </figure>
    }
}
