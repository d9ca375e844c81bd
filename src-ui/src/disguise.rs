//! The disguise: a working calculator. Quick exit shows it at once and
//! locks the vault; typing her PIN and "=" opens the real app again. When
//! no PIN is set, any four or more digits and "=" return (there is nothing
//! locked to protect). Nothing of the app is in the page while it shows.

use crate::ipc;
use leptos::prelude::*;
use leptos::task::spawn_local;

const KEYS: [&str; 16] = [
    "7", "8", "9", "÷", "4", "5", "6", "×", "1", "2", "3", "−", "C", "0", "=", "+",
];

fn is_operator(c: char) -> bool {
    matches!(c, '+' | '−' | '×' | '÷')
}

/// Evaluates `12+3×4` with the usual precedence; `None` on a malformed
/// expression or a division by zero.
pub fn evaluate(expression: &str) -> Option<f64> {
    let mut numbers: Vec<f64> = Vec::new();
    let mut operators: Vec<char> = Vec::new();
    let mut current = String::new();
    for c in expression.chars() {
        if c.is_ascii_digit() || c == '.' {
            current.push(c);
        } else if is_operator(c) {
            numbers.push(current.parse().ok()?);
            current.clear();
            operators.push(c);
        } else {
            return None;
        }
    }
    numbers.push(current.parse().ok()?);
    // Multiplications and divisions first, then left to right.
    let mut terms = vec![numbers[0]];
    let mut additive = Vec::new();
    for (op, n) in operators.into_iter().zip(numbers.into_iter().skip(1)) {
        match op {
            '×' => *terms.last_mut()? *= n,
            '÷' if n == 0.0 => return None,
            '÷' => *terms.last_mut()? /= n,
            _ => {
                additive.push(op);
                terms.push(n);
            }
        }
    }
    let mut total = terms[0];
    for (op, n) in additive.into_iter().zip(terms.into_iter().skip(1)) {
        if op == '+' {
            total += n;
        } else {
            total -= n;
        }
    }
    total.is_finite().then_some(total)
}

fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        let text = format!("{n:.8}");
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// The calculator. `pin_set` says whether a PIN protects the vault.
#[component]
pub fn Calculator(pin_set: bool, on_return: impl Fn() + Copy + 'static) -> impl IntoView {
    let entry = RwSignal::new(String::new());
    let shown = RwSignal::new(String::from("0"));

    let press = move |key: &str| match key {
        "C" => {
            entry.set(String::new());
            shown.set("0".into());
        }
        "=" => {
            let text = entry.get_untracked();
            let digits_only = text.len() >= 4 && text.chars().all(|c| c.is_ascii_digit());
            if digits_only && !pin_set {
                on_return();
                return;
            }
            if digits_only {
                entry.set(String::new());
                shown.set(text.clone());
                spawn_local(async move {
                    if ipc::unlock_vault(text).await.is_ok() {
                        on_return();
                    }
                });
                return;
            }
            let result = evaluate(&text)
                .map(format_number)
                .unwrap_or_else(|| "0".into());
            entry.set(result.clone());
            shown.set(result);
        }
        op if op.chars().all(is_operator) => {
            entry.update(|e| {
                if e.chars().last().is_some_and(|c| c.is_ascii_digit()) {
                    e.push_str(op);
                }
            });
            shown.set(entry.get_untracked());
        }
        digit => {
            entry.update(|e| {
                if e.len() < 64 {
                    e.push_str(digit);
                }
            });
            shown.set(entry.get_untracked());
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let key = ev.key();
        let mapped = match key.as_str() {
            "Enter" => Some("="),
            "*" => Some("×"),
            "/" => Some("÷"),
            "-" => Some("−"),
            "+" => Some("+"),
            "Backspace" | "Delete" => Some("C"),
            k if k.len() == 1 && k.chars().all(|c| c.is_ascii_digit()) => {
                KEYS.iter().copied().find(|x| *x == k)
            }
            _ => None,
        };
        if let Some(k) = mapped {
            ev.prevent_default();
            press(k);
        }
    };

    view! {
        <div id="calculator" class="calculator" dir="ltr" lang="zxx" tabindex="0" on:keydown=on_key>
            <output id="calc-display" class="calc-display">{move || shown.get()}</output>
            <div class="calc-keys">
                {KEYS
                    .into_iter()
                    .map(|k| {
                        view! {
                            <button type="button" class="calc-key" data-key=k on:click=move |_| press(k)>
                                {k}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_follows_precedence() {
        assert_eq!(evaluate("2+3×4"), Some(14.0));
        assert_eq!(evaluate("10÷4"), Some(2.5));
        assert_eq!(evaluate("10−2−3"), Some(5.0));
        assert_eq!(evaluate("1÷0"), None);
        assert_eq!(evaluate("1+"), None);
        assert_eq!(format_number(2.5), "2.5");
        assert_eq!(format_number(14.0), "14");
    }
}
