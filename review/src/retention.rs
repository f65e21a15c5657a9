/// The share of cards a learner wants to still remember when they come back: higher means
/// shorter intervals and more reviews. Anki's range, 0.70–0.97; 0.90 unless the learner says.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct DesiredRetention(f32);

impl DesiredRetention {
    pub const MIN: f32 = 0.70;
    pub const MAX: f32 = 0.97;

    pub fn new(value: f32) -> Option<Self> {
        (Self::MIN..=Self::MAX).contains(&value).then_some(DesiredRetention(value))
    }

    pub fn get(self) -> f32 {
        self.0
    }
}

impl Default for DesiredRetention {
    fn default() -> Self {
        DesiredRetention(0.90)
    }
}
