//! The judge (see issue 3). Empty until the judge lands.
