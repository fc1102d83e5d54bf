//! A horizontal bar chart in SVG, with its numbers in text for everyone.

use leptos::prelude::*;
use wxp_core::format::thousands;

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// What the bar counts.
    pub label: String,
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
    title: String,
    /// The bars, top to bottom.
    bars: Vec<Bar>,
) -> impl IntoView {
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let height = bars.len() * (BAR_HEIGHT + GAP);
    let width = LABEL_WIDTH + BAR_WIDTH + 70;
    let description = bars
        .iter()
        .map(|b| format!("{}: {}", b.label, thousands(b.value)))
        .collect::<Vec<_>>()
        .join("; ");
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            let y = i * (BAR_HEIGHT + GAP);
            let w = (bar.value * BAR_WIDTH).div_ceil(max);
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
                        {thousands(bar.value)}
                    </text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="bar-chart">
            <figcaption>{title.clone()}</figcaption>
            <svg
                role="img"
                aria-label=format!("{title}: {description}")
                viewBox=format!("0 0 {width} {height}")
                width=width
                height=height
            >
                {rows}
            </svg>
        </figure>
    }
}
