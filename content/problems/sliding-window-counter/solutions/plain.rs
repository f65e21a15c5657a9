use std::collections::{HashMap, VecDeque};

// Per card: a queue of (time, amount) still inside the window, plus the running sum.
struct CardWindow {
    events: VecDeque<(i64, i64)>,
    sum: i64,
}

fn velocity(window: i64, limit: usize, events: &[(i64, String, i64)]) -> Vec<(usize, i64, bool)> {
    let mut cards: HashMap<String, CardWindow> = HashMap::new();
    let mut result = Vec::new();
    for event in events.iter() {
        let (time, card, amount) = (event.0, event.1.clone(), event.2);
        let state = cards.entry(card.clone()).or_insert(CardWindow { events: VecDeque::new(), sum: 0 });
        state.events.push_back((time, amount));
        state.sum += amount;
        // drop everything at or before time - window: the window is (time - window, time]
        while !state.events.is_empty() && state.events[0].0 <= time - window {
            let (_, old_amount) = state.events.pop_front().unwrap();
            state.sum -= old_amount;
        }
        let count = state.events.len();
        result.push((count, state.sum, count > limit));
    }
    result
}
