//! Translations. Every user-facing string comes from `locales/<lang>/main.ftl` through
//! Fluent; the files are compiled into the binary, so the bot needs nothing beside it.
//!
//! Bidi: Fluent wraps every placeable in invisible FSI/PDI isolation marks by default. In a
//! Telegram bubble they are not always invisible (older clients draw boxes), they break
//! string comparisons and they cost bytes in button labels. We turn them off, and instead
//! write every Arabic and Urdu message so that its first strong character is Arabic-script:
//! Telegram then lays the whole bubble out right-to-left, and Latin names or digits inside
//! it are placed by the Unicode bidi algorithm. A test checks that rule for every message.

use std::collections::HashMap;

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
pub use fluent_bundle::{FluentArgs, FluentValue};

use crate::domain::Locale;

/// The shipped translations, as compiled in.
pub const SOURCES: [(Locale, &str); 6] = [
    (Locale::En, include_str!("../../locales/en/main.ftl")),
    (Locale::Fr, include_str!("../../locales/fr/main.ftl")),
    (Locale::Ar, include_str!("../../locales/ar/main.ftl")),
    (Locale::Es, include_str!("../../locales/es/main.ftl")),
    (Locale::Ur, include_str!("../../locales/ur/main.ftl")),
    (Locale::Ru, include_str!("../../locales/ru/main.ftl")),
];

#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    #[error("locales/{locale}/main.ftl does not parse: {detail}")]
    Parse { locale: Locale, detail: String },
    #[error("message '{key}' is missing in locale {locale}")]
    Missing { locale: Locale, key: String },
    #[error("message '{key}' in locale {locale} does not format: {detail}")]
    Format { locale: Locale, key: String, detail: String },
}

pub struct I18n {
    bundles: HashMap<Locale, FluentBundle<FluentResource>>,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("I18n").field("locales", &self.bundles.len()).finish()
    }
}

impl I18n {
    pub fn load() -> Result<Self, I18nError> {
        let mut bundles = HashMap::new();
        for (locale, source) in SOURCES {
            let resource = FluentResource::try_new(source.to_owned())
                .map_err(|(_, errors)| I18nError::Parse { locale, detail: format!("{errors:?}") })?;
            let langid = locale.code().parse().expect("locale codes are valid language tags");
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            bundle
                .add_resource(resource)
                .map_err(|errors| I18nError::Parse { locale, detail: format!("{errors:?}") })?;
            bundles.insert(locale, bundle);
        }
        Ok(Self { bundles })
    }

    /// Formats a message, failing on a missing key or a formatting error (tests use this).
    pub fn try_format(
        &self,
        locale: Locale,
        key: &str,
        args: Option<&FluentArgs>,
    ) -> Result<String, I18nError> {
        let bundle = &self.bundles[&locale];
        let pattern = bundle
            .get_message(key)
            .and_then(|m| m.value())
            .ok_or_else(|| I18nError::Missing { locale, key: key.to_owned() })?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors).into_owned();
        if errors.is_empty() {
            Ok(text)
        } else {
            Err(I18nError::Format { locale, key: key.to_owned(), detail: format!("{errors:?}") })
        }
    }

    /// Formats a message for a user. Tests guarantee every key exists in every locale; should
    /// one slip through anyway, the user gets English rather than nothing.
    pub fn format(&self, locale: Locale, key: &str, args: Option<&FluentArgs>) -> String {
        match self.try_format(locale, key, args) {
            Ok(text) => text,
            Err(e) => {
                tracing::error!(error = %e, "translation problem");
                self.try_format(Locale::En, key, args).unwrap_or_else(|_| key.to_owned())
            }
        }
    }
}

/// `tr!(i18n, locale, "key")` or `tr!(i18n, locale, "key", name = value, …)`.
#[macro_export]
macro_rules! tr {
    ($i18n:expr, $locale:expr, $key:literal) => {
        $i18n.format($locale, $key, None)
    };
    ($i18n:expr, $locale:expr, $key:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $(args.set(stringify!($name), $crate::i18n::FluentValue::from($value));)+
        $i18n.format($locale, $key, Some(&args))
    }};
}
