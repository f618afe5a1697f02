//! The typed ids of `domain::ids` read and write as the integer keys they are, on either
//! database. (Kept here so that `domain/` knows nothing of SQL.)

use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::{Database, Decode, Encode, Type};

use crate::domain::ids::*;

macro_rules! integer_keyed {
    ($($ty:ident),*) => {$(
        impl<DB: Database> Type<DB> for $ty
        where
            i64: Type<DB>,
        {
            fn type_info() -> DB::TypeInfo {
                <i64 as Type<DB>>::type_info()
            }

            fn compatible(ty: &DB::TypeInfo) -> bool {
                <i64 as Type<DB>>::compatible(ty)
            }
        }

        impl<'q, DB: Database> Encode<'q, DB> for $ty
        where
            i64: Encode<'q, DB>,
        {
            fn encode_by_ref(
                &self,
                buf: &mut <DB as Database>::ArgumentBuffer<'q>,
            ) -> Result<IsNull, BoxDynError> {
                <i64 as Encode<'q, DB>>::encode_by_ref(&self.0, buf)
            }

            fn size_hint(&self) -> usize {
                <i64 as Encode<'q, DB>>::size_hint(&self.0)
            }
        }

        impl<'r, DB: Database> Decode<'r, DB> for $ty
        where
            i64: Decode<'r, DB>,
        {
            fn decode(value: DB::ValueRef<'r>) -> Result<Self, BoxDynError> {
                Ok($ty(<i64 as Decode<'r, DB>>::decode(value)?))
            }
        }
    )*};
}

integer_keyed!(
    MemberId,
    ClusterId,
    CooperativeId,
    FormVersionId,
    LaunchId,
    ResponseId,
    ActionId,
    ReportId,
    ReportNoteId,
    MeetingId,
    FieldNoteId,
    InviteId,
    MediaId,
    QuestionId,
    OutboxId
);
