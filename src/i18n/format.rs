//! Numbers and dates in the current language, by the browser's `Intl`
//! formatters (CLDR data the browser already has: `100,000` in English,
//! `100.000` in Italian).
//!
//! Each function reads the language signal, so text built from it inside a
//! reactive closure follows a language switch.

use js_sys::{Array, Date as JsDate, Function, Object, Reflect};
use leptos::prelude::*;
use leptos_fluent::I18n;
use std::cell::RefCell;
use wasm_bindgen::JsValue;
use wxp_core::date::{Date, Timestamp};

/// The current language's id (`en`, `it`), tracked.
pub fn language() -> &'static str {
    expect_context::<I18n>().language.get().id
}

/// `100000` as `100,000` (English) or `100.000` (Italian).
pub fn number(n: usize) -> String {
    format_with(Style::Number, &JsValue::from_f64(n as f64))
}

/// A calendar date: `Nov 22, 2026` / `22 nov 2026`.
pub fn date(d: Date) -> String {
    format_with(Style::Date, &js_date(d.0 as f64 * 86_400_000.0))
}

/// An instant, in UTC like the rest of the portal: `Nov 22, 2026, 02:05 PM UTC`
/// / `22 nov 2026, 14:05 UTC`.
pub fn timestamp(t: Timestamp) -> String {
    format_with(Style::Timestamp, &js_date(t.0 as f64 * 1000.0))
}

#[derive(Clone, Copy, PartialEq)]
enum Style {
    Number,
    Date,
    Timestamp,
}

impl Style {
    fn options(self) -> Object {
        let options = Object::new();
        let set = |key: &str, value: &str| {
            // Setting a property on a fresh plain object cannot fail.
            let _ = Reflect::set(&options, &key.into(), &value.into());
        };
        if self != Style::Number {
            set("timeZone", "UTC");
            set("year", "numeric");
            set("month", "short");
            set("day", "numeric");
        }
        if self == Style::Timestamp {
            set("hour", "2-digit");
            set("minute", "2-digit");
            set("timeZoneName", "short");
        }
        options
    }

    /// A new `Intl` formatter's bound `format` function.
    fn formatter(self, language: &str) -> Function {
        let locales = Array::of1(&language.into());
        match self {
            Style::Number => js_sys::Intl::NumberFormat::new(&locales, &self.options()).format(),
            Style::Date | Style::Timestamp => {
                js_sys::Intl::DateTimeFormat::new(&locales, &self.options()).format()
            }
        }
    }
}

thread_local! {
    // Building an `Intl` formatter costs far more than using one: one per
    // style and language, made on first use.
    static FORMATTERS: RefCell<Vec<(Style, &'static str, Function)>> = const { RefCell::new(Vec::new()) };
}

fn format_with(style: Style, value: &JsValue) -> String {
    let language = language();
    FORMATTERS.with_borrow_mut(|cache| {
        let index = match cache
            .iter()
            .position(|(s, l, _)| *s == style && *l == language)
        {
            Some(i) => i,
            None => {
                cache.push((style, language, style.formatter(language)));
                cache.len() - 1
            }
        };
        cache[index]
            .2
            .call1(&JsValue::NULL, value)
            .ok()
            .and_then(|text| text.as_string())
            .unwrap_or_default()
    })
}

fn js_date(ms: f64) -> JsValue {
    JsDate::new(&JsValue::from_f64(ms)).into()
}
