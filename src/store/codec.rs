//! How domain enums are read from the database: they are stored as their text codes.
//! (Kept here so that `domain/` knows nothing of SQL.)

use sqlx::error::BoxDynError;
use sqlx::{Database, Decode, Type};

use crate::domain::action::{ActionStatus, Blocker};
use crate::domain::{Gender, Locale, Role};

macro_rules! text_coded {
    ($($ty:ty),*) => {$(
        impl<DB: Database> Type<DB> for $ty
        where
            String: Type<DB>,
        {
            fn type_info() -> DB::TypeInfo {
                <String as Type<DB>>::type_info()
            }

            fn compatible(ty: &DB::TypeInfo) -> bool {
                <String as Type<DB>>::compatible(ty)
            }
        }

        impl<'r, DB: Database> Decode<'r, DB> for $ty
        where
            String: Decode<'r, DB>,
        {
            fn decode(value: DB::ValueRef<'r>) -> Result<Self, BoxDynError> {
                Ok(<String as Decode<DB>>::decode(value)?.parse::<$ty>()?)
            }
        }
    )*};
}

text_coded!(Locale, Role, Gender, ActionStatus, Blocker);
