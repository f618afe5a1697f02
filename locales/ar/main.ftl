## clusterbot — العربية
## المفاتيح مجمّعة حسب الميزة. كل مفتاح موجود في كل لغة وبالمتغيّرات نفسها.

## كلمات يختارها كل نشر: يمكن استبدال هذه المصطلحات في LOCALES_DIR/ar/*.ftl
## (مثلًا ‎-cooperative‎ = الجمعية). `form`: ‏"def" (مع أل) أو "indef"؛ `number`: ‏"one" أو "other".
-cluster = { $number ->
       *[one] { $form ->
           *[def] العنقود
            [indef] عنقود
        }
        [other] { $form ->
           *[def] العناقيد
            [indef] عناقيد
        }
    }
-cooperative = { $number ->
       *[one] { $form ->
           *[def] التعاونية
            [indef] تعاونية
        }
        [other] { $form ->
           *[def] التعاونيات
            [indef] تعاونيات
        }
    }
-cda = { $number ->
       *[one] وكيل التنمية
        [other] وكلاء التنمية
    }
-cda-long = { $number ->
       *[one] وكيل تنمية العنقود
        [other] وكلاء تنمية العنقود
    }
-joint-action = { $number ->
       *[one] { $form ->
           *[def] النشاط المشترك
            [indef] نشاط مشترك
        }
        [other] { $form ->
           *[def] الأنشطة المشتركة
            [indef] أنشطة مشتركة
        }
    }
-commission = لجنة العنقود

## الانضمام (/start)
start-no-code = 👋 مرحبًا! أجمع أخبار العمل الميداني لشبكات { -cluster(number: "other") }: تقدّم { -joint-action(number: "other") }، واستبيانات قصيرة، وتذكيرات بالاجتماعات.
    { $gender ->
        [woman] للانضمام، اطلبي رابط دعوة من { -cda-long } (CDA) ثم افتحيه.
        [man] للانضمام، اطلب رابط دعوة من { -cda-long } (CDA) ثم افتحه.
       *[other] للانضمام، يُرجى طلب رابط دعوة من { -cda-long } (CDA) ثم فتحه.
    }
start-invalid-code = ❌ رمز الدعوة هذا غير صالح. يُرجى التأكد من الرابط، أو طلب رابط جديد من { -cda } (CDA).
start-expired = ⌛ انتهت صلاحية هذه الدعوة. يُرجى طلب دعوة جديدة من { -cda } (CDA).
start-used-up = 🚫 استُعملت هذه الدعوة كل المرات المسموح بها. يُرجى طلب دعوة جديدة من { -cda } (CDA).
start-already-member = 💡 { $gender ->
        [woman] أنتِ عضوة في { $cluster } بالفعل.
        [man] أنتَ عضو في { $cluster } بالفعل.
       *[other] أنت من أعضاء { $cluster } بالفعل.
    }
start-added-cluster = 🤝 أنت الآن في { $cluster } أيضًا، بصفة { $role }.
start-too-many = ⏳ أُرسلت رموز خاطئة كثيرة جدًا. يُرجى الانتظار { $minutes ->
        [one] دقيقة واحدة
        [two] دقيقتين
        [few] { $minutes } دقائق
       *[other] { $minutes } دقيقة
    } ثم المحاولة من جديد، أو طلب رابط جديد من { -cda } (CDA).

## التسجيل
onboarding-welcome = 👋 أهلًا وسهلًا! هذه دعوة لك للانضمام إلى { $cluster }.
lang-choose = 🌐 يُرجى اختيار اللغة:
consent-ask = 🔒 للمشاركة في { $cluster }، سأحفظ اسمك ولغتك وجنسك ({ $gender ->
        [woman] إن ذكرتِه
       *[other] إن ذُكر
    })، و{ -cooperative } وإجاباتك. يستعملها { -cda-long } لمتابعة عمل { -cluster }. يمكنك رؤيتها بالأمر /mydata وحذفها بالأمر /forget في أي وقت.
    { $gender ->
        [woman] هل توافقين؟
        [man] هل توافق؟
       *[other] هل توافقون؟
    }
btn-agree = ✅ أوافق
btn-decline = ✋ لا، شكرًا
consent-declined = 👌 مفهوم. لم أحفظ أي شيء عنك. { $gender ->
        [woman] إذا غيّرتِ رأيكِ، افتحي رابط الدعوة مرة أخرى.
        [man] إذا غيّرتَ رأيك، افتح رابط الدعوة مرة أخرى.
       *[other] عند تغيير الرأي، يكفي فتح رابط الدعوة مرة أخرى.
    }
name-ask = ✍️ ما اسمك؟ { $gender ->
        [woman] اضغطي على الزر إذا كان الاسم صحيحًا، أو اكتبي اسمك.
        [man] اضغط على الزر إذا كان الاسم صحيحًا، أو اكتب اسمك.
       *[other] يُرجى الضغط على الزر إذا كان الاسم صحيحًا، أو كتابة الاسم.
    }
name-ask-type = ✍️ ما اسمك؟ يُرجى كتابته.
name-invalid = ✍️ يُرجى كتابة اسمك بالحروف، بحدّ أقصى 64 حرفًا.
reask-name = ✍️ يُرجى كتابة اسمك نصًّا، أو الضغط على الزر الذي فيه اسمك.
gender-ask = 👤 هل أنت امرأة أم رجل؟ هذا يساعد { -cluster } على معرفة مشاركة النساء. ويمكنك أيضًا عدم الإجابة.
btn-woman = 👩 امرأة
btn-man = 👨 رجل
btn-undisclosed = 🤐 بدون إجابة
coop-ask = 🏠 { $gender ->
        [woman] إلى أي { -cooperative(form: "indef") } تنتمين؟
        [man] إلى أي { -cooperative(form: "indef") } تنتمي؟
       *[other] إلى أي { -cooperative(form: "indef") } تنتمون؟
    }
btn-no-coop = 🚫 بدون { -cooperative(form: "indef") }
btn-back = ⬅️ رجوع
reask-buttons = 👇 يُرجى الضغط على أحد الأزرار في الأسفل.
onboarding-finish-first = 👇 يُرجى إكمال الانضمام أولًا.
onboarding-done = 🎉 { $gender ->
        [woman] أهلًا بكِ يا { $name }! أصبحتِ الآن من عضوات { $cluster } بصفة { $role }.
        [man] أهلًا بك يا { $name }! أصبحتَ الآن من أعضاء { $cluster } بصفة { $role }.
       *[other] أهلًا وسهلًا يا { $name }! الآن أنت من أعضاء { $cluster } بصفة { $role }.
    }

## الأدوار
role-producer = { $gender ->
        [woman] منتجة
        [man] منتج
       *[other] عضو منتج
    }
role-leader = مسؤول { -cooperative(form: "indef") }
role-cda = { -cda-long } (CDA)

## القائمة الرئيسية والمساعدة
menu-title = 🏠 القائمة الرئيسية: { $gender ->
        [woman] ماذا تريدين أن تفعلي؟
        [man] ماذا تريد أن تفعل؟
       *[other] ماذا تريدون أن تفعلوا؟
    }
btn-mydata = 👤 بياناتي
btn-language = 🌐 اللغة
btn-help = ❓ مساعدة
btn-invite = ➕ دعوة
not-understood = 🤔 عذرًا، لم أفهم. هذه هي القائمة:
dialogue-lost = 🔄 تم تحديث البوت وضاع موضعنا في المحادثة. لنكمل من جديد.
lang-changed = 🌐 من الآن فصاعدًا سأكتب لك بالعربية.

## بياناتي
mydata-title = 👤 ما يحفظه clusterbot عنك:
mydata-name = الاسم: { $name }
mydata-language = اللغة: { $language }
mydata-gender = الجنس: { $answer }
mydata-membership = { -cluster(form: "indef") } { $cluster }: { $role }
mydata-membership-coop = { -cluster(form: "indef") } { $cluster }: { $role }، { $cooperative }
mydata-consent = تاريخ الموافقة: { $date }
mydata-telegram = معرّف تيليجرام: { $id }
mydata-forget-hint = لحذف بياناتك الشخصية، يكفي إرسال الأمر /forget.
mydata-none = 💡 لا يحفظ clusterbot أي شيء عنك.
gender-woman = امرأة
gender-man = رجل
gender-undisclosed = اخترت عدم الإجابة
gender-unknown = غير مذكور

## الحذف
forget-confirm = 🗑 { $gender ->
        [woman] هل تريدين حذف بياناتكِ الشخصية؟
        [man] هل تريد حذف بياناتك الشخصية؟
       *[other] هل تريدون حذف بياناتكم الشخصية؟
    } سيُمحى الاسم وحساب تيليجرام والجنس واللغة. أمّا الإجابات فتبقى فقط بشكل مجهول، دون اسم.
btn-forget-yes = 🗑 نعم، احذف
btn-forget-no = ↩️ لا، أبقِها
forget-done = 🗑️ حذفتُ بياناتك الشخصية. مع السلامة! للانضمام من جديد، يُرجى طلب دعوة جديدة من { -cda } (CDA).
forget-kept = 👌 لم أحذف أي شيء.
forget-nothing = 💡 لا توجد بيانات شخصية عنك لحذفها.

## الدعوات المُنشأة في المحادثة (وكيل التنمية)
invite-choose-role = ➕ لمن هذه الدعوة؟
btn-role-producer = 🧑‍🌾 منتج
btn-role-leader = 👩‍💼 مسؤول { -cooperative(form: "indef") }
btn-role-cda = 🧭 { -cda } (CDA)
invite-choose-cluster = 🌍 أي { -cluster(form: "indef") }؟
invite-choose-coop = 🏠 أي { -cooperative(form: "indef") }؟
invite-created = 🔗 دعوة لشخص بصفة { $role } في { $cluster }:
    { $link }
    { $uses ->
        [zero] لا يمكن لأحد استعمالها (تنتهي في { $expires }).
        [one] يمكن استعمالها مرة واحدة، حتى { $expires }.
        [two] يمكن أن يستعملها شخصان، حتى { $expires }.
        [few] يمكن أن يستعملها { $uses } أشخاص، حتى { $expires }.
        [many] يمكن أن يستعملها { $uses } شخصًا، حتى { $expires }.
       *[other] يمكن أن يستعملها { $uses } شخص، حتى { $expires }.
    }
    يمكنك إعادة توجيهها إلى الشخص، أو مشاركتها في مجموعته.

## الأخطاء والتنبيهات
button-expired = ⌛ هذا الزر لم يعد يعمل.
error-not-allowed = ⛔ هذا الإجراء متاح فقط لـ{ -cda-long(number: "other") }.
error-generic = ⚠️ حدث خطأ من جهتنا. يُرجى المحاولة مرة أخرى بعد قليل.
error-internal = ⚠️ حدث خطأ من جهتنا. ما أرسلتموه محفوظ؛ يُرجى المحاولة مرة أخرى بعد قليل.
error-no-longer-active = ⌛ لم يعد هذا نشطًا.
error-not-found = 🔎 لم يعد هذا موجودًا: ربما تم حذفه.
group-private-only = 💬 يُرجى التحدث معي في محادثة خاصة: { $gender ->
        [woman] اضغطي على اسمي، ثم على «ابدأ» (Start).
        [man] اضغط على اسمي، ثم على «ابدأ» (Start).
       *[other] يكفي الضغط على اسمي، ثم على «ابدأ» (Start).
    }

## الاستبيانات: الإجابة
form-invitation = 📋 استبيان جديد: { $title }
    { $count ->
        [zero] لا توجد أسئلة.
        [one] سؤال واحد.
        [two] سؤالان.
        [few] { $count } أسئلة.
        [many] { $count } سؤالًا.
       *[other] { $count } سؤال.
    } { $gender ->
        [woman] اضغطي على «ابدأ» عندما تكونين مستعدّة، ويمكنكِ التوقف والمتابعة لاحقًا.
        [man] اضغط على «ابدأ» عندما تكون مستعدًّا، ويمكنك التوقف والمتابعة لاحقًا.
       *[other] يُرجى الضغط على «ابدأ» عند الاستعداد، ويمكن التوقف والمتابعة لاحقًا.
    }
form-invitation-deadline = ⏳ يُرجى الإجابة قبل { $date }.
form-nudge = ⏰ تذكير: يُرجى الإجابة عن استبيان { $title } قبل { $date }. لا يأخذ ذلك إلا بضع دقائق.
btn-form-start = ▶️ ابدأ
btn-form-continue = ▶️ تابِع
btn-form-next = ➡️ التالي
btn-form-ok = ✅ موافق
btn-form-done = ✔️ تمّ
btn-form-skip = ⏭ تخطَّ
btn-form-repeat = 🔁 تكرار
btn-form-today = 📅 اليوم
btn-form-yesterday = 📅 أمس
btn-form-other = ✏️ غير ذلك
btn-form-location = 📍 أرسل موقعي
form-hint-text = ✍️ { $gender ->
        [woman] اكتبي إجابتكِ، أو أرسلي رسالة صوتية 🎤.
        [man] اكتب إجابتك، أو أرسل رسالة صوتية 🎤.
       *[other] يُرجى كتابة الإجابة، أو إرسال رسالة صوتية 🎤.
    }
form-hint-number = 🔢 { $gender ->
        [woman] اكتبي رقمًا.
        [man] اكتب رقمًا.
       *[other] يُرجى كتابة رقم.
    }
form-hint-decimal = 🔢 { $gender ->
        [woman] اكتبي رقمًا، مثلًا 2.5.
        [man] اكتب رقمًا، مثلًا 2.5.
       *[other] يُرجى كتابة رقم، مثلًا 2.5.
    }
form-hint-date = 📅 { $gender ->
        [woman] اكتبي تاريخًا مثل 25/12/2024، أو اضغطي على زر.
        [man] اكتب تاريخًا مثل 25/12/2024، أو اضغط على زر.
       *[other] يُرجى كتابة تاريخ مثل 25/12/2024، أو الضغط على زر.
    }
form-hint-audio = 🎤 { $gender ->
        [woman] أرسلي رسالة صوتية.
        [man] أرسل رسالة صوتية.
       *[other] يُرجى إرسال رسالة صوتية.
    }
form-hint-image = 📷 { $gender ->
        [woman] أرسلي صورة.
        [man] أرسل صورة.
       *[other] يُرجى إرسال صورة.
    }
form-hint-geopoint = 📍 { $gender ->
        [woman] اضغطي على الزر في الأسفل لإرسال موقعكِ.
        [man] اضغط على الزر في الأسفل لإرسال موقعك.
       *[other] يُرجى الضغط على الزر في الأسفل لإرسال الموقع.
    }
form-hint-multiple = ☑️ { $gender ->
        [woman] اضغطي على كل إجابة مناسبة، ثم على ✔️ تمّ.
        [man] اضغط على كل إجابة مناسبة، ثم على ✔️ تمّ.
       *[other] يُرجى الضغط على كل إجابة مناسبة، ثم على ✔️ تمّ.
    }
form-specify-other = ✏️ { $gender ->
        [woman] ما هو؟ اكتبيه، أو أرسلي رسالة صوتية.
        [man] ما هو؟ اكتبه، أو أرسل رسالة صوتية.
       *[other] ما هو؟ يُرجى كتابته، أو إرسال رسالة صوتية.
    }
form-not-a-number = 🔢 يُرجى كتابة رقم، مثلًا 12.
form-not-whole = 🔢 يُرجى كتابة عدد صحيح، بدون كسور.
form-not-a-date = 📅 يُرجى كتابة تاريخ مثل 25/12/2024.
form-constraint-default = ⚠️ هذه الإجابة غير ممكنة هنا. يُرجى التأكد منها والإجابة مرة أخرى.
form-required = ❗ هذا السؤال يحتاج إلى إجابة.
form-use-buttons = 👇 يُرجى الإجابة بالأزرار.
form-voice-kept = 🎤 شكرًا، احتفظت برسالتك الصوتية. يُرجى أيضًا الضغط على أحد الأزرار.
form-send-voice = 🎤 يُرجى إرسال رسالة صوتية: { $gender ->
        [woman] اضغطي على زر الميكروفون باستمرار وأنتِ تتكلمين.
        [man] اضغط على زر الميكروفون باستمرار وأنت تتكلم.
       *[other] مع الضغط المستمر على زر الميكروفون أثناء الكلام.
    }
form-send-photo = 📷 يُرجى إرسال صورة.
form-send-location = 📍 يُرجى الضغط على الزر لإرسال موقعك.
form-file-too-big = ⚠️ هذا الملف كبير جدًا: يسمح لي تيليجرام باستلام 20 ميغابايت على الأكثر. يُرجى إرسال ملف أقصر.
form-finished = 🎉 شكرًا! حفظتُ إجاباتك عن استبيان { $title }.
form-closed = ⌛ هذا الاستبيان مغلق.
form-already-done = 🏁 { $gender ->
        [woman] لقد أجبتِ عن هذا الاستبيان من قبل. شكرًا لكِ!
        [man] لقد أجبتَ عن هذا الاستبيان من قبل. شكرًا لك!
       *[other] سبقت الإجابة عن هذا الاستبيان. شكرًا!
    }
form-none-open = 📋 ليس لديك استبيان للإجابة عنه الآن.
form-open-list = 📋 استبياناتك:
btn-forms = 📋 الاستبيانات

## الاستبيانات: الاستيراد والإطلاق والنتائج (وكيل التنمية)
import-ok = 📥 تم استيراد { $title }: { $count ->
        [zero] بدون أسئلة
        [one] سؤال واحد
        [two] سؤالان
        [few] { $count } أسئلة
        [many] { $count } سؤالًا
       *[other] { $count } سؤال
    }؛ اللغات: { $languages }.
import-one-language = لغة واحدة، بلا اسم لغة
import-texts-cut = ✂️ بعض النصوص أطول مما تتسع له المحادثة فقُصَّت (وتنتهي بـ «…»):
    { $texts }
import-unchanged = 💡 هذه النسخة من { $title } مستوردة من قبل.
import-version-conflict = ⚠️ يوجد استبيان آخر مستورد بالمعرّف نفسه والنسخة نفسها. { $gender ->
        [woman] غيّري رقم النسخة (version) في ورقة الإعدادات (settings) ثم أرسليه مرة أخرى.
        [man] غيّر رقم النسخة (version) في ورقة الإعدادات (settings) ثم أرسله مرة أخرى.
       *[other] يُرجى تغيير رقم النسخة (version) في ورقة الإعدادات (settings) ثم إرساله مرة أخرى.
    }
import-failed = ❌ لم يُستورد الاستبيان. يُرجى إصلاح هذه المشكلات وإرساله مرة أخرى:
    { $problems }
import-not-xlsx = 📎 يُرجى إرسال الاستبيان في ملف XLSForm (.xlsx).
btn-launch = 🚀 إطلاق
btn-results = 📊 النتائج
launch-choose-form = 📋 أي استبيان؟
launch-no-forms = 📋 لا يوجد أي استبيان بعد. { $gender ->
        [woman] أرسلي لي ملف XLSForm (.xlsx) لاستيراده.
        [man] أرسل لي ملف XLSForm (.xlsx) لاستيراده.
       *[other] يكفي إرسال ملف XLSForm (.xlsx) إليّ لاستيراده.
    }
launch-choose-audience = 👥 من يجب أن يجيب؟
btn-audience-cluster = 🌍 الجميع
btn-audience-leaders = 👩‍💼 المسؤولون
btn-audience-producers = 🧑‍🌾 المنتجون
launch-choose-deadline = ⏳ ما مهلة الإجابة؟
btn-deadline-days = { $days ->
        [zero] ⏳ خلال { $days } يوم
        [one] ⏳ خلال يوم واحد
        [two] ⏳ خلال يومين
        [few] ⏳ خلال { $days } أيام
        [many] ⏳ خلال { $days } يومًا
       *[other] ⏳ خلال { $days } يوم
    }
btn-deadline-none = ♾️ بدون مهلة
launch-sent = 🚀 أُطلق الاستبيان: { $count ->
        [zero] لا توجد دعوات لإرسالها.
        [one] جارٍ إرسال الدعوة إلى عضو واحد.
        [two] جارٍ إرسال الدعوة إلى عضوين.
        [few] جارٍ إرسال الدعوات إلى { $count } أعضاء.
        [many] جارٍ إرسال الدعوات إلى { $count } عضوًا.
       *[other] جارٍ إرسال الدعوات إلى { $count } عضو.
    } ستجد في /results من تعذّر الوصول إليه.
launch-nobody = 🤷 لا يمكن الوصول إلى أي شخص في هذه الفئة حتى الآن.
results-choose = 📊 نتائج أي استبيان؟
results-none = 📊 لم يُطلَق أي استبيان في { -cluster(number: "other") } حتى الآن.
results-summary = 📊 نتائج { $title }
    المدعوون: { $invited } · بدأوا: { $started } · أكملوا: { $finished }
results-by-cooperative = 🏠 حسب { -cooperative }:
results-by-gender = 👥 حسب الجنس:
results-line = • فئة { $group }: أكمل { $finished }، وبدأ { $started }، ودُعي { $invited }
results-no-cooperative = بدون { -cooperative(form: "indef") }
results-chart-caption = 📊 سؤال: { $question } ({ $count ->
        [zero] لا توجد إجابات
        [one] إجابة واحدة
        [two] إجابتان
        [few] { $count } إجابات
        [many] { $count } إجابةً
       *[other] { $count } إجابة
    })

## الأعمال المشتركة: الإبلاغ عن التقدّم
btn-report = 📝 تقرير
report-no-actions = 🎯 لا يوجد { -joint-action(form: "indef") } مفتوح يمكنك الإبلاغ عنه.
report-choose-action = 🎯 أي { -joint-action(form: "indef") }؟
report-ask-status = 🎯 كيف يسير العمل في { $action }؟
report-confirm-done = 🏁 هل انتهى { $action } لـ{ -cooperative } كلها؟ بعد إنهائه لن يبلّغ عنه أحد بعد ذلك.
btn-done-yes = 🏁 نعم، انتهى
btn-done-no = ↩️ لا، ليس بعد
checkin-ask = 👋 كيف يسير العمل في { $action }؟ تكفي ضغطة واحدة.
status-not-started = لم يبدأ
status-on-track = حسب الخطة
status-delayed = متأخر
status-blocked = متوقف
status-done = مُنجَز
report-ask-blocker = 🔴 ما الذي يوقفه؟
blocker-money = 💰 المال
blocker-inputs = 📦 المستلزمات
blocker-people = 👥 الأشخاص
blocker-equipment = ⚙️ المعدّات
blocker-permits = 📜 التصاريح
blocker-other = ✏️ غير ذلك
report-blocker-explain = 🎤 { $gender ->
        [woman] بعد هذه الرسالة، قولي لي ما الذي يوقفه، برسالة صوتية أو مكتوبة.
        [man] بعد هذه الرسالة، قل لي ما الذي يوقفه، برسالة صوتية أو مكتوبة.
       *[other] بعد هذه الرسالة، يُرجى إخباري بما يوقفه، برسالة صوتية أو مكتوبة.
    }
report-ask-progress = 📈 كم أُنجز من العمل؟
report-ask-progress-target = 📈 كم أُنجز من العمل؟ { $gender ->
        [woman] اضغطي على نسبة مئوية، أو اكتبي الكمية المُنجزة (الهدف هو { $target }).
        [man] اضغط على نسبة مئوية، أو اكتب الكمية المُنجزة (الهدف هو { $target }).
       *[other] يُرجى الضغط على نسبة مئوية، أو كتابة الكمية المُنجزة (الهدف هو { $target }).
    }
report-not-a-number = 🔢 يُرجى الضغط على نسبة مئوية، أو كتابة رقم.
report-recorded = 📥 سجّلتُ التقرير: { $action }: { $summary }.
    يمكنك الآن إرسال ملاحظة: رسالة مكتوبة، أو رسالة صوتية 🎤، أو صورة 📷. ويمكنك التراجع خلال { $minutes ->
        [one] دقيقة واحدة
        [two] دقيقتين
        [few] { $minutes } دقائق
        [many] { $minutes } دقيقة
       *[other] { $minutes } دقيقة
    }.
btn-report-undo = ↩️ تراجع
btn-report-finish = ⏹️ إنهاء
report-note-added = 📎 أضفتُ الملاحظة. { $gender ->
        [woman] أرسلي ملاحظة أخرى، أو اضغطي على ⏹️ إنهاء.
        [man] أرسل ملاحظة أخرى، أو اضغط على ⏹️ إنهاء.
       *[other] يمكن إرسال ملاحظة أخرى، أو الضغط على ⏹️ إنهاء.
    }
report-note-kinds = 📎 يمكن أن تكون الملاحظة رسالة مكتوبة أو رسالة صوتية أو صورة.
report-undone = ↩️ سحبتُ التقرير.
report-undo-too-late = ⌛ فات وقت التراجع عن هذا التقرير. { $gender ->
        [woman] أرسلي تقريرًا جديدًا بدلًا منه.
        [man] أرسل تقريرًا جديدًا بدلًا منه.
       *[other] يُرجى إرسال تقرير جديد بدلًا منه.
    }
report-already-done = 🏁 هذا { -joint-action } مُنجَز بالفعل. شكرًا!

## الأعمال المشتركة: خطة العمل (وكلاء التنمية والمسؤولون)
btn-progress = 📈 التقدّم
error-not-leader = ⛔ متابعة تقدّم { -joint-action(number: "other") } متاحة فقط لمسؤولي { -cooperative(number: "other") } و{ -cda-long(number: "other") }.
progress-title = 📈 { -joint-action(number: "other") }:
progress-no-report = لا يوجد تقرير بعد
progress-empty = 🎯 لا يوجد أي { -joint-action(form: "indef") } بعد.
progress-warning-legend = ⚠️ تعني أنه لم يُرسل أحد تقريرًا منذ مدة أطول من موعد المتابعة الدورية لهذا العمل.
progress-reports-by = 📊 مَن يُرسل التقارير:
btn-progress-chart = 📊 رسم بياني
progress-chart-title = 📈 تقدّم { -joint-action(number: "other") } (%)
btn-action-add = ➕ إضافة { -joint-action(form: "indef") }
action-whole-cluster = { -cluster } كله
action-details = 👥 المسؤولون: { $owners } · 📅 من { $start } إلى { $due }
btn-note-voice = 🎤 رسالة صوتية
btn-note-photo = 📷 صورة
progress-media-caption = 👤 من: { $who } · 🎯 العمل: { $action } · 🕒 في: { $when }
note-media-caption = 📝 ملاحظة ميدانية من { $who } · { $cluster } · 🕒 { $when }
action-ask-title = ✍️ ما اسم { -joint-action }؟ مثلًا: شراء مشترك للأسمدة.
action-ask-description = 📝 { $gender ->
        [woman] صِفيه في جملة واحدة، أو اضغطي على ⏭ تخطَّ.
        [man] صِفه في جملة واحدة، أو اضغط على ⏭ تخطَّ.
       *[other] يُرجى وصفه في جملة واحدة، أو الضغط على ⏭ تخطَّ.
    }
action-ask-owners = 🏠 ما { -cooperative(number: "other") } المسؤولة عنه؟ { $gender ->
        [woman] اضغطي لاختيارها، ثم على ✔️ تمّ. إذا لم تختاري أي { -cooperative(form: "indef") }، فالنشاط لـ{ -cluster } كله.
        [man] اضغط لاختيارها، ثم على ✔️ تمّ. إذا لم تختر أي { -cooperative(form: "indef") }، فالنشاط لـ{ -cluster } كله.
       *[other] يُرجى الضغط لاختيارها، ثم على ✔️ تمّ. بلا أي { -cooperative(form: "indef") }، يكون النشاط لـ{ -cluster } كله.
    }
action-ask-start = 📅 متى يبدأ؟ { $gender ->
        [woman] اكتبي تاريخًا مثل 01/12/2026، أو اضغطي على «اليوم».
        [man] اكتب تاريخًا مثل 01/12/2026، أو اضغط على «اليوم».
       *[other] يُرجى كتابة تاريخ مثل 01/12/2026، أو الضغط على «اليوم».
    }
action-ask-due = 📅 متى موعد انتهائه؟ { $gender ->
        [woman] اكتبي تاريخًا، أو اضغطي على زر.
        [man] اكتب تاريخًا، أو اضغط على زر.
       *[other] يُرجى كتابة تاريخ، أو الضغط على زر.
    }
btn-months = { $months ->
        [zero] 📅 بعد { $months } شهر
        [one] 📅 بعد شهر واحد
        [two] 📅 بعد شهرين
        [few] 📅 بعد { $months } أشهر
        [many] 📅 بعد { $months } شهرًا
       *[other] 📅 بعد { $months } شهر
    }
action-ask-target = 🎯 هل يوجد هدف؟ { $gender ->
        [woman] اكتبيه مع وحدته، مثلًا 10 طن أو 500 كغ، أو اضغطي على ⏭ تخطَّ.
        [man] اكتبه مع وحدته، مثلًا 10 طن أو 500 كغ، أو اضغط على ⏭ تخطَّ.
       *[other] يُرجى كتابته مع وحدته، مثلًا 10 طن أو 500 كغ، أو الضغط على ⏭ تخطَّ.
    }
action-ask-rhythm = ⏰ كم مرة أسأل المسؤولين عن سير العمل؟
btn-no-checkins = 🔕 أبدًا
action-due-before-start = 📅 يجب أن يكون موعد الانتهاء بعد تاريخ البدء.
action-reask = ✍️ لم أفهم ذلك. يُرجى الإجابة عن السؤال في الأسفل.
action-added = 📥 أضفتُ { -joint-action }: { $action }.
btn-action-translate = 🌐 العنوان بلغة أخرى
action-translate-language = 🌐 بأي لغة؟
action-translate-type = ✍️ { $gender ->
        [woman] اكتبي عنوان { $action } باللغة: { $language }.
        [man] اكتب عنوان { $action } باللغة: { $language }.
       *[other] يُرجى كتابة عنوان { $action } باللغة: { $language }.
    }
action-translate-saved = 📥 العنوان باللغة { $language }: { $title }

## الاجتماعات
btn-meetings = 📅 الاجتماعات
meeting-invitation = 📅 دعوة: { $title }
    🗓 { $when }
    📍 { $place }
    { $gender ->
        [woman] هل ستحضرين؟
        [man] هل ستحضر؟
       *[other] هل ستحضرون؟
    }
meeting-reminder = ⏰ تذكير: { $title }
    🗓 { $when }
    📍 { $place }
meeting-moved = 🕒 موعد جديد: { $title }
    🗓 { $when }
    📍 { $place }
    { $gender ->
        [woman] هل ستحضرين في الموعد الجديد؟
        [man] هل ستحضر في الموعد الجديد؟
       *[other] هل ستحضرون في الموعد الجديد؟
    }
meeting-cancelled = 🗑 إلغاء: لن يُعقد اجتماع { $title } ({ $when }).
meeting-nudge = 🔔 { $gender ->
        [woman] يُرجى إخبارنا هل ستحضرين: { $title }
        [man] يُرجى إخبارنا هل ستحضر: { $title }
       *[other] يُرجى إخبارنا هل ستحضرون: { $title }
    }
    🗓 { $when }
    📍 { $place }
meeting-your-answer = إجابتك: { $answer }
meeting-answer-again = { $gender ->
        [woman] كنتِ قد أجبتِ { $answer } للموعد السابق — يرجى الإجابة من جديد.
        [man] كنتَ قد أجبتَ { $answer } للموعد السابق — يرجى الإجابة من جديد.
       *[other] كانت الإجابة { $answer } للموعد السابق — يرجى الإجابة من جديد.
    }
meeting-before-change = ↩️ الإجابات قبل التغيير: { $names }
rsvp-coming = سأحضر
rsvp-not-coming = لن أحضر
rsvp-maybe = ربما
meeting-closed = ⌛ هذا الاجتماع بدأ أو أُلغي.
meeting-ask-title = 📅 ما هذا الاجتماع؟ مثلًا: { -commission }، أو اجتماع { -cooperative }.
meeting-ask-day = 🗓 في أي يوم؟ { $gender ->
        [woman] اضغطي على يوم، أو اكتبي التاريخ والوقت، مثلًا 25/12/2026 14:30.
        [man] اضغط على يوم، أو اكتب التاريخ والوقت، مثلًا 25/12/2026 14:30.
       *[other] يُرجى الضغط على يوم، أو كتابة التاريخ والوقت، مثلًا 25/12/2026 14:30.
    }
meeting-ask-time = 🕒 في أي ساعة؟ { $gender ->
        [woman] اضغطي على ساعة، أو اكتبيها، مثلًا 14:30.
        [man] اضغط على ساعة، أو اكتبها، مثلًا 14:30.
       *[other] يُرجى الضغط على ساعة، أو كتابتها، مثلًا 14:30.
    }
meeting-ask-place = 📍 أين؟ { $gender ->
        [woman] اكتبي المكان، أو أرسلي موقعًا على الخريطة.
        [man] اكتب المكان، أو أرسل موقعًا على الخريطة.
       *[other] يُرجى كتابة المكان، أو إرسال موقع على الخريطة.
    }
meeting-ask-audience = 👥 من المدعوّ؟
btn-audience-commission = 🏛️ { -commission }
meeting-ask-reminders = ⏰ متى أذكّر الناس؟ { $gender ->
        [woman] اضغطي للتغيير، ثم على ✔️ تمّ.
        [man] اضغط للتغيير، ثم على ✔️ تمّ.
       *[other] يُرجى الضغط للتغيير، ثم على ✔️ تمّ.
    }
reminder-1w = قبل أسبوع
reminder-1d = قبل يوم
reminder-3h = قبل 3 ساعات
reminder-1h = قبل ساعة
meeting-time-past = ⌛ مضى هذا الوقت بالفعل. يُرجى اختيار وقت في المستقبل.
meeting-time-skipped = 🕒 هذا الوقت غير موجود في ذلك اليوم، لأن الساعة تتغيّر فيه. يُرجى اختيار وقت آخر.
meeting-time-unreadable = 🕒 لم أستطع قراءة ذلك. يُرجى كتابته هكذا: 25/12/2026 14:30، أو الضغط على زر.
meeting-scheduled = 📅 حُدّد موعد الاجتماع: { $title }، { $when }. { $count ->
        [zero] لم يُدعَ أي شخص.
        [one] دُعي شخص واحد.
        [two] دُعي شخصان.
        [few] دُعي { $count } أشخاص.
        [many] دُعي { $count } شخصًا.
       *[other] دُعي { $count } شخص.
    }
btn-meeting-details = 👥 من سيحضر
meetings-title = 📅 الاجتماعات القادمة:
meetings-none = 📅 لا يوجد أي اجتماع مُخطَّط له.
meeting-is-cancelled = 🗑 أُلغي هذا الاجتماع.
meeting-unanswered = ⏳ بدون إجابة بعد: { $names }
meeting-unreachable = 🚫 تعذّر الوصول إلى: { $names }
btn-meeting-remind = 🔔 ذكّر من لم يُجب
btn-meeting-move = 🕒 تغيير الموعد
btn-meeting-cancel = 🗑 إلغاء الاجتماع
btn-meeting-cancel-confirm = 🗑 نعم، ألغِه
meeting-cancel-ask = 🗑 { $gender ->
        [woman] هل تريدين إلغاء اجتماع { $title }؟
        [man] هل تريد إلغاء اجتماع { $title }؟
       *[other] هل تريدون إلغاء اجتماع { $title }؟
    } سأبلّغ كل المدعوين.
meeting-cancel-done = 🗑 ألغيتُ الاجتماع { $title }. سأبلّغ كل المدعوين.
meeting-moved-done = 🕒 الموعد الجديد لاجتماع { $title }: { $when }. سأبلّغ كل المدعوين.
meeting-reminded = { $count ->
        [zero] 🔔 لا يوجد أي تذكير لإرساله.
        [one] 🔔 جارٍ إرسال تذكير واحد.
        [two] 🔔 جارٍ إرسال تذكيرين.
        [few] 🔔 جارٍ إرسال { $count } تذكيرات.
        [many] 🔔 جارٍ إرسال { $count } تذكيرًا.
       *[other] 🔔 جارٍ إرسال { $count } تذكير.
    }

## الملاحظات الميدانية (وكيل التنمية)
field-note-saved = 📝 حفظتُها كملاحظة ميدانية لـ{ -cluster(form: "indef") } { $cluster }. { $gender ->
        [woman] هل تريدين إضافة وسم؟
        [man] هل تريد إضافة وسم؟
       *[other] هل تريدون إضافة وسم؟
    }
btn-tag-meeting = 🤝 اجتماع
btn-tag-visit = 🚶 زيارة
btn-tag-problem = ⚠️ مشكلة
btn-tag-success = 🌟 قصة نجاح
field-note-tagged = 🏷️ الوسم: { $tag }
cluster-choose = 🌍 { $gender ->
        [woman] في أي { -cluster(form: "indef") } تعملين؟
        [man] في أي { -cluster(form: "indef") } تعمل؟
       *[other] في أي { -cluster(form: "indef") } تعملون؟
    }
cluster-chosen = 🌍 من الآن ستذهب ملاحظاتك الميدانية إلى { $cluster }.
notes-title = 📝 آخر الملاحظات الميدانية لـ{ -cluster(form: "indef") } { $cluster }:
notes-none = 📝 لا توجد ملاحظات ميدانية بعد. { $gender ->
        [woman] أرسلي لي رسالة مكتوبة، أو رسالة صوتية، أو صورة، أو مستندًا، أو موقعًا.
        [man] أرسل لي رسالة مكتوبة، أو رسالة صوتية، أو صورة، أو مستندًا، أو موقعًا.
       *[other] يمكن إرسال رسالة مكتوبة، أو رسالة صوتية، أو صورة، أو مستند، أو موقع إليّ.
    }
btn-note-document = 📄 مستند
btn-note-location = 📍 موقع

## التصدير (وكيل التنمية)
btn-export = 📤 تصدير
export-choose-dataset = 📤 { $gender ->
        [woman] أي بيانات تريدين؟
        [man] أي بيانات تريد؟
       *[other] أي بيانات تريدون؟
    }
btn-export-members = 👥 الأعضاء
btn-export-responses = 📋 إجابات الاستبيانات
btn-export-reports = 📈 تقارير التقدّم
btn-export-meetings = 📅 الاجتماعات والإجابات
btn-export-notes = 📝 الملاحظات الميدانية
export-choose-format = 📤 أي نوع من الملفات؟
btn-export-csv = 📄 ملف CSV
btn-export-xlsx = 📊 ملف Excel
btn-export-zip = 📦 ملف Excel مع الوسائط (ZIP)
export-ready = 📤 { $rows ->
        [zero] لا يحتوي الملف على أي صف.
        [one] يحتوي الملف على صف واحد.
        [two] يحتوي الملف على صفّين.
        [few] يحتوي الملف على { $rows } صفوف.
        [many] يحتوي الملف على { $rows } صفًّا.
       *[other] يحتوي الملف على { $rows } صف.
    }
export-media-ready = 📦 { $files ->
        [zero] لا توجد في الأرشيف رسائل صوتية ولا صور.
        [one] في الأرشيف رسالة صوتية أو صورة واحدة.
        [two] في الأرشيف ملفّان من الرسائل الصوتية والصور.
        [few] في الأرشيف { $files } ملفات من الرسائل الصوتية والصور.
        [many] في الأرشيف { $files } ملفًّا من الرسائل الصوتية والصور.
       *[other] في الأرشيف { $files } ملف من الرسائل الصوتية والصور.
    }
export-too-big = 📤 هذا الملف أكبر من أن يُرسَل عبر تيليجرام (أكثر من 50 ميغابايت). يُرجى استعمال الأمر clusterbot export في سطر الأوامر.

## قائمة الأوامر
cmd-start = البدء، أو الانضمام بدعوة
cmd-menu = القائمة الرئيسية
cmd-mydata = ما يُحفظ عني
cmd-language = تغيير اللغة
cmd-help = مساعدة
cmd-forget = حذف بياناتي الشخصية
cmd-invite = إنشاء دعوة (CDA)
cmd-forms = استبياناتي
cmd-launch = إطلاق استبيان (CDA)
cmd-results = نتائج الاستبيانات (CDA)
cmd-report = الإبلاغ عن تقدّم { -joint-action(form: "indef") }
cmd-progress = تقدّم { -joint-action(number: "other") } (المسؤولون، CDA)
cmd-actions = خطة العمل (CDA)
cmd-meeting = جدولة اجتماع (المسؤولون، CDA)
cmd-meetings = الاجتماعات القادمة والإجابات (المسؤولون، CDA)
cmd-notes = آخر الملاحظات الميدانية (CDA)
cmd-cluster = اختيار { -cluster } الذي تعمل فيه (CDA)
cmd-export = تصدير البيانات كجدول بيانات (CDA)

## الصوت في كل خطوة، خط إلى وكيل التنمية، البوت يتكلم (التذكرة 12)
btn-ask-cda = 🙋 سؤال { -cda }
cmd-ask = سؤال إلى { -cda-long }
cmd-questions = أسئلة الأعضاء (CDA)
cmd-names = أسماء قيلت بالصوت (CDA)
ask-prompt = 🙋 سؤال إلى { -cda-long }: بالكتابة أو برسالة صوتية 🎤.
ask-sent = 📨 وصل السؤال إلى { -cda }. سيأتي الجواب هنا.
ask-kept = 📥 السؤال محفوظ لدى { -cda }، والجواب سيأتي هنا.
ask-question = 🙋 سؤال من { $who } ({ $cluster }):
ask-question-voice = 🎤 رسالة صوتية: { $gender ->
        [woman] استمعي إليها في الأعلى.
        [man] استمع إليها في الأعلى.
       *[other] يُرجى الاستماع إليها في الأعلى.
    }
ask-reply-hint = ↩️ للإجابة، { $gender ->
        [woman] ردّي على هذه الرسالة بنص أو بصوت.
        [man] ردّ على هذه الرسالة بنص أو بصوت.
       *[other] يُرجى الرد على هذه الرسالة بنص أو بصوت.
    }
ask-answer = 💬 جواب { -cda } { $cda }:
ask-answer-how = ↩️ يُرجى الرد بنص أو برسالة صوتية.
ask-answer-sent = 📨 جوابك في الطريق إلى { $name }.
questions-title = 🙋 أسئلة أعضاء { $cluster } (↩️ للإجابة):
questions-none = لا توجد أسئلة بعد.
question-waiting = ⏳ في انتظار الجواب
question-answered = ✔️ أجاب { $cda }
names-title = 🎤 أعضاء { $cluster } الذين قالوا أسماءهم بالصوت:
names-none = لا أحد قال اسمه بالصوت.
names-type = ✍️ { $gender ->
        [woman] اكتبي اسم هذا العضو.
        [man] اكتب اسم هذا العضو.
       *[other] يُرجى كتابة اسم هذا العضو.
    }
names-saved = ✔️ حفظتُ الاسم: { $name }
name-voice-hint = 🎤 يمكن أيضًا قول الاسم في رسالة صوتية.
name-voice-kept = 🎤 شكرًا، حفظتُ الاسم كما قيل.
results-voice-review = 🎤 إجابات صوتية للمراجعة — { $question }: { $count }
btn-speak = 🔊 استماع
tts-failed = 🔇 عذرًا، لا أستطيع قراءة هذا بصوت عالٍ الآن.

## Dates and times as people read them (issue 12 item 5). Selector values are codes.
read-today = اليوم
read-tomorrow = غدًا
read-yesterday = أمس
read-weekday = { $weekday ->
    [mon] الاثنين
    [tue] الثلاثاء
    [wed] الأربعاء
    [thu] الخميس
    [fri] الجمعة
    [sat] السبت
   *[sun] الأحد
}
read-month = { $month ->
    [1] يناير
    [2] فبراير
    [3] مارس
    [4] أبريل
    [5] مايو
    [6] يونيو
    [7] يوليو
    [8] أغسطس
    [9] سبتمبر
    [10] أكتوبر
    [11] نوفمبر
   *[12] ديسمبر
}
read-day-part = { $part ->
    [small-hours] ليلًا
    [morning] صباحًا
    [afternoon] ظهرًا
    [evening] مساءً
   *[night] ليلًا
}
read-location-pin = الموقع على الخريطة أدناه

## Fewer words (issue 12 item 7): the short consent, its "more" button, /help's buttons.
consent-short = 🔒 للمشاركة في { $cluster }، أحفظ الاسم واللغة والجنس و{ -cooperative } والإجابات لـ{ -cda }. للاطلاع عليها: /mydata. لحذفها: /forget.
btn-more = ℹ️ المزيد
help-title = ❓ ما المطلوب؟
