## clusterbot — العربية
## المفاتيح مجمّعة حسب الميزة. كل مفتاح موجود في كل لغة وبالمتغيّرات نفسها.

## الانضمام (/start)
start-no-code = 👋 مرحبًا! أجمع أخبار العمل الميداني لشبكات العناقيد: تقدّم الأعمال المشتركة، واستبيانات قصيرة، وتذكيرات بالاجتماعات.
    للانضمام، اطلب رابط دعوة من وكيل تنمية العنقود (CDA) ثم افتحه.
start-invalid-code = ❌ رمز الدعوة هذا غير صالح. يُرجى التأكد من الرابط، أو طلب رابط جديد من وكيل التنمية (CDA).
start-expired = ⌛ انتهت صلاحية هذه الدعوة. يُرجى طلب دعوة جديدة من وكيل التنمية (CDA).
start-used-up = 🚫 استُعملت هذه الدعوة كل المرات المسموح بها. يُرجى طلب دعوة جديدة من وكيل التنمية (CDA).
start-already-member = 💡 أنت عضو في { $cluster } بالفعل.
start-added-cluster = 🤝 أنت الآن في { $cluster } أيضًا، بصفة { $role }.
start-too-many = ⏳ أُرسلت رموز خاطئة كثيرة جدًا. يُرجى الانتظار { $minutes ->
        [one] دقيقة واحدة
        [two] دقيقتين
        [few] { $minutes } دقائق
       *[other] { $minutes } دقيقة
    } ثم المحاولة من جديد، أو طلب رابط جديد من وكيل التنمية (CDA).

## التسجيل
onboarding-welcome = 👋 أهلًا وسهلًا! هذه دعوة لك للانضمام إلى { $cluster }.
lang-choose = 🌐 يُرجى اختيار اللغة:
consent-ask = 🔒 للمشاركة في { $cluster }، سأحفظ اسمك ولغتك وجنسك (إن ذكرته)، وتعاونيتك وإجاباتك. يستعملها وكيل تنمية العنقود لمتابعة عمل العنقود. يمكنك رؤيتها بالأمر /mydata وحذفها بالأمر /forget في أي وقت.
    هل توافق؟
btn-agree = ✅ أوافق
btn-decline = ✋ لا، شكرًا
consent-declined = 👌 مفهوم. لم أحفظ أي شيء عنك. إذا غيّرت رأيك، افتح رابط الدعوة مرة أخرى.
name-ask = ✍️ ما اسمك؟ اضغط على الزر إذا كان الاسم صحيحًا، أو اكتب اسمك.
name-ask-type = ✍️ ما اسمك؟ يُرجى كتابته.
name-invalid = ✍️ يُرجى كتابة اسمك بالحروف، بحدّ أقصى 64 حرفًا.
reask-name = ✍️ يُرجى كتابة اسمك نصًّا، أو الضغط على الزر الذي فيه اسمك.
gender-ask = 👤 هل أنت امرأة أم رجل؟ هذا يساعد العنقود على معرفة مشاركة النساء. ويمكنك أيضًا عدم الإجابة.
btn-woman = 👩 امرأة
btn-man = 👨 رجل
btn-undisclosed = 🤐 بدون إجابة
coop-ask = 🏠 ما هي تعاونيتك؟
btn-no-coop = 🚫 بدون تعاونية
btn-back = ⬅️ رجوع
reask-buttons = 👇 يُرجى الضغط على أحد الأزرار في الأسفل.
onboarding-finish-first = 👇 يُرجى إكمال الانضمام أولًا.
onboarding-done = 🎉 أهلًا بك يا { $name }! أصبحت الآن من أعضاء { $cluster } بصفة { $role }.

## الأدوار
role-producer = منتج
role-leader = مسؤول تعاونية
role-cda = وكيل تنمية العنقود (CDA)

## القائمة الرئيسية والمساعدة
menu-title = 🏠 القائمة الرئيسية: ماذا تريد أن تفعل؟
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
mydata-gender = الجنس: { $gender }
mydata-membership = عنقود { $cluster }: { $role }
mydata-membership-coop = عنقود { $cluster }: { $role }، { $cooperative }
mydata-consent = تاريخ الموافقة: { $date }
mydata-telegram = معرّف تيليجرام: { $id }
mydata-forget-hint = لحذف بياناتك الشخصية، يكفي إرسال الأمر /forget.
mydata-none = 💡 لا يحفظ clusterbot أي شيء عنك.
gender-woman = امرأة
gender-man = رجل
gender-undisclosed = اخترت عدم الإجابة
gender-unknown = غير مذكور

## الحذف
forget-confirm = 🗑 هل تريد حذف بياناتك الشخصية؟ سيُمحى اسمك وحسابك في تيليجرام وجنسك ولغتك. أمّا الإجابات التي قدّمتها فتبقى فقط بشكل مجهول، دون اسمك.
btn-forget-yes = 🗑 نعم، احذف
btn-forget-no = ↩️ لا، أبقِها
forget-done = 🗑️ حُذفت بياناتك الشخصية. مع السلامة! للانضمام من جديد، يُرجى طلب دعوة جديدة من وكيل التنمية (CDA).
forget-kept = 👌 لم يُحذف أي شيء.
forget-nothing = 💡 لا توجد بيانات شخصية عنك لحذفها.

## الدعوات المُنشأة في المحادثة (وكيل التنمية)
invite-choose-role = ➕ لمن هذه الدعوة؟
btn-role-producer = 🧑‍🌾 منتج
btn-role-leader = 👩‍💼 مسؤول تعاونية
btn-role-cda = 🧭 وكيل (CDA)
invite-choose-cluster = 🌍 أي عنقود؟
invite-choose-coop = 🏠 أي تعاونية؟
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
error-not-allowed = ⛔ هذا الإجراء متاح فقط لوكلاء تنمية العنقود.
error-generic = ⚠️ حدث خطأ من جهتنا. يُرجى المحاولة مرة أخرى بعد قليل.
error-internal = ⚠️ حدث خطأ من جهتنا. ما أرسلتموه محفوظ؛ يُرجى المحاولة مرة أخرى بعد قليل.
error-no-longer-active = ⌛ لم يعد هذا نشطًا.
error-not-found = 🔎 لم يعد هذا موجودًا: ربما تم حذفه.
group-private-only = 💬 يُرجى التحدث معي في محادثة خاصة: اضغط على اسمي، ثم على «ابدأ» (Start).

## الاستبيانات: الإجابة
form-invitation = 📋 استبيان جديد: { $title }
    { $count ->
        [zero] لا توجد أسئلة.
        [one] سؤال واحد.
        [two] سؤالان.
        [few] { $count } أسئلة.
        [many] { $count } سؤالًا.
       *[other] { $count } سؤال.
    } اضغط على «ابدأ» عندما تكون مستعدًّا، ويمكنك التوقف والمتابعة لاحقًا.
form-invitation-deadline = ⏳ يُرجى الإجابة قبل { $date }.
form-nudge = ⏰ تذكير: يُرجى الإجابة عن استبيان { $title } قبل { $date }. لا يأخذ ذلك إلا بضع دقائق.
btn-form-start = ▶️ ابدأ
btn-form-continue = ▶️ تابِع
btn-form-next = ➡️ التالي
btn-form-ok = ✅ موافق
btn-form-done = ✔️ تمّ
btn-form-skip = ⏭ تجاوز
btn-form-repeat = 🔁 تكرار
btn-form-today = 📅 اليوم
btn-form-yesterday = 📅 أمس
btn-form-other = ✏️ غير ذلك
btn-form-location = 📍 أرسل موقعي
form-hint-text = ✍️ اكتب إجابتك، أو أرسل رسالة صوتية 🎤.
form-hint-number = 🔢 اكتب رقمًا.
form-hint-decimal = 🔢 اكتب رقمًا، مثلًا 2.5.
form-hint-date = 📅 اكتب تاريخًا مثل 25/12/2024، أو اضغط على زر.
form-hint-audio = 🎤 أرسل رسالة صوتية.
form-hint-image = 📷 أرسل صورة.
form-hint-geopoint = 📍 اضغط على الزر في الأسفل لإرسال موقعك.
form-hint-multiple = ☑️ اضغط على كل إجابة مناسبة، ثم على ✔️ تمّ.
form-specify-other = ✏️ يُرجى أن تقول ما هو: اكتبه، أو أرسل رسالة صوتية.
form-not-a-number = 🔢 يُرجى كتابة رقم، مثلًا 12.
form-not-whole = 🔢 يُرجى كتابة عدد صحيح، بدون كسور.
form-not-a-date = 📅 يُرجى كتابة تاريخ مثل 25/12/2024.
form-constraint-default = ⚠️ هذه الإجابة غير ممكنة هنا. يُرجى التأكد منها والإجابة مرة أخرى.
form-required = ❗ هذا السؤال يحتاج إلى إجابة.
form-use-buttons = 👇 يُرجى الإجابة بالأزرار.
form-voice-kept = 🎤 شكرًا، احتفظت برسالتك الصوتية. يُرجى أيضًا الضغط على أحد الأزرار.
form-send-voice = 🎤 يُرجى إرسال رسالة صوتية: اضغط على زر الميكروفون باستمرار وأنت تتكلم.
form-send-photo = 📷 يُرجى إرسال صورة.
form-send-location = 📍 يُرجى الضغط على الزر لإرسال موقعك.
form-file-too-big = ⚠️ هذا الملف كبير جدًا: يسمح لي تيليجرام باستلام 20 ميغابايت على الأكثر. يُرجى إرسال ملف أقصر.
form-finished = 🎉 شكرًا لك! حُفظت إجاباتك عن استبيان { $title }.
form-closed = ⌛ هذا الاستبيان مغلق.
form-already-done = 🏁 لقد أجبت عن هذا الاستبيان من قبل. شكرًا لك!
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
import-version-conflict = ⚠️ يوجد استبيان آخر مستورد بالمعرّف نفسه والنسخة نفسها. غيّر رقم النسخة (version) في ورقة الإعدادات (settings) ثم أرسله مرة أخرى.
import-failed = ❌ لم يُستورد الاستبيان. يُرجى إصلاح هذه المشكلات وإرساله مرة أخرى:
    { $problems }
import-not-xlsx = 📎 يُرجى إرسال الاستبيان في ملف XLSForm (.xlsx).
btn-launch = 🚀 إطلاق
btn-results = 📊 النتائج
launch-choose-form = 📋 أي استبيان؟
launch-no-forms = 📋 لا يوجد أي استبيان بعد. أرسل لي ملف XLSForm (.xlsx) لاستيراده.
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
results-none = 📊 لم يُطلَق أي استبيان في عناقيدك حتى الآن.
results-summary = 📊 نتائج { $title }
    المدعوون: { $invited } · بدأوا: { $started } · أكملوا: { $finished }
results-by-cooperative = 🏠 حسب التعاونية:
results-by-gender = 👥 حسب الجنس:
results-line = • فئة { $group }: أكمل { $finished }، وبدأ { $started }، ودُعي { $invited }
results-no-cooperative = بدون تعاونية
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
report-no-actions = 🎯 لا يوجد عمل مشترك مفتوح يمكنك الإبلاغ عنه.
report-choose-action = 🎯 أي عمل مشترك؟
report-ask-status = 🎯 كيف يسير العمل في { $action }؟
report-confirm-done = 🏁 هل انتهى { $action } للتعاونية كلها؟ بعد إنهائه لن يبلّغ عنه أحد بعد ذلك.
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
report-blocker-explain = 🎤 بعد هذه الرسالة، يُرجى أن تقول لي ما الذي يوقفه، برسالة صوتية أو مكتوبة.
report-ask-progress = 📈 كم أُنجز من العمل؟
report-ask-progress-target = 📈 كم أُنجز من العمل؟ اضغط على نسبة مئوية، أو اكتب الكمية المُنجزة (الهدف هو { $target }).
report-not-a-number = 🔢 يُرجى الضغط على نسبة مئوية، أو كتابة رقم.
report-recorded = 📥 سُجّل التقرير: { $action }: { $summary }.
    يمكنك الآن إرسال ملاحظة: رسالة مكتوبة، أو رسالة صوتية 🎤، أو صورة 📷. ويمكنك التراجع خلال { $minutes ->
        [one] دقيقة واحدة
        [two] دقيقتين
        [few] { $minutes } دقائق
        [many] { $minutes } دقيقة
       *[other] { $minutes } دقيقة
    }.
btn-report-undo = ↩️ تراجع
btn-report-finish = ⏹️ إنهاء
report-note-added = 📎 أُضيفت الملاحظة. أرسل ملاحظة أخرى، أو اضغط على ⏹️ إنهاء.
report-note-kinds = 📎 يمكن أن تكون الملاحظة رسالة مكتوبة أو رسالة صوتية أو صورة.
report-undone = ↩️ سُحب التقرير.
report-undo-too-late = ⌛ فات وقت التراجع عن هذا التقرير. أرسل تقريرًا جديدًا بدلًا منه.
report-already-done = 🏁 هذا العمل المشترك مُنجَز بالفعل. شكرًا لك!

## الأعمال المشتركة: خطة العمل (وكلاء التنمية والمسؤولون)
btn-progress = 📈 التقدّم
error-not-leader = ⛔ متابعة تقدّم الأعمال المشتركة متاحة فقط لمسؤولي التعاونيات ووكلاء تنمية العنقود.
progress-title = 📈 الأعمال المشتركة:
progress-no-report = لا يوجد تقرير بعد
progress-empty = 🎯 لا يوجد أي عمل مشترك بعد.
progress-warning-legend = ⚠️ تعني أنه لم يُرسل أحد تقريرًا منذ مدة أطول من موعد المتابعة الدورية لهذا العمل.
progress-reports-by = 📊 مَن يُرسل التقارير:
btn-progress-chart = 📊 رسم بياني
progress-chart-title = 📈 تقدّم الأعمال المشتركة (%)
btn-action-add = ➕ إضافة عمل مشترك
action-whole-cluster = العنقود كله
action-details = 👥 المسؤولون: { $owners } · 📅 من { $start } إلى { $due }
btn-note-voice = 🎤 رسالة صوتية
btn-note-photo = 📷 صورة
progress-media-caption = 👤 من: { $who } · 🎯 العمل: { $action } · 🕒 في: { $when }
note-media-caption = 📝 ملاحظة ميدانية من { $who } · { $cluster } · 🕒 { $when }
action-ask-title = ✍️ ما اسم العمل المشترك؟ مثلًا: شراء مشترك للأسمدة.
action-ask-description = 📝 صِفه في جملة واحدة، أو اضغط على ⏭ تجاوز.
action-ask-owners = 🏠 ما التعاونيات المسؤولة عنه؟ اضغط لاختيارها، ثم على ✔️ تمّ. إذا لم تختر أي تعاونية، فالعمل للعنقود كله.
action-ask-start = 📅 متى يبدأ؟ اكتب تاريخًا مثل 01/12/2026، أو اضغط على «اليوم».
action-ask-due = 📅 متى موعد انتهائه؟ اكتب تاريخًا، أو اضغط على زر.
btn-months = { $months ->
        [zero] 📅 بعد { $months } شهر
        [one] 📅 بعد شهر واحد
        [two] 📅 بعد شهرين
        [few] 📅 بعد { $months } أشهر
        [many] 📅 بعد { $months } شهرًا
       *[other] 📅 بعد { $months } شهر
    }
action-ask-target = 🎯 هل يوجد هدف؟ اكتبه مع وحدته، مثلًا 10 طن أو 500 كغ، أو اضغط على ⏭ تجاوز.
action-ask-rhythm = ⏰ كم مرة أسأل المسؤولين عن سير العمل؟
btn-no-checkins = 🔕 أبدًا
action-due-before-start = 📅 يجب أن يكون موعد الانتهاء بعد تاريخ البدء.
action-reask = ✍️ لم أفهم ذلك. يُرجى الإجابة عن السؤال في الأسفل.
action-added = 📥 أُضيف العمل المشترك: { $action }.
btn-action-translate = 🌐 العنوان بلغة أخرى
action-translate-language = 🌐 بأي لغة؟
action-translate-type = ✍️ اكتب عنوان { $action } باللغة: { $language }.
action-translate-saved = 📥 العنوان باللغة { $language }: { $title }

## الاجتماعات
btn-meetings = 📅 الاجتماعات
meeting-invitation = 📅 دعوة: { $title }
    🗓 { $when }
    📍 { $place }
    هل ستحضر؟
meeting-reminder = ⏰ تذكير: { $title }
    🗓 { $when }
    📍 { $place }
meeting-moved = 🕒 موعد جديد: { $title }
    🗓 { $when }
    📍 { $place }
    هل ستحضر في الموعد الجديد؟
meeting-cancelled = 🗑 إلغاء: لن يُعقد اجتماع { $title } ({ $when }).
meeting-nudge = 🔔 يُرجى إخبارنا هل ستحضر: { $title }
    🗓 { $when }
    📍 { $place }
meeting-your-answer = إجابتك: { $answer }
meeting-answer-again = كنت قد أجبت { $answer } للموعد السابق — يرجى الإجابة من جديد.
meeting-before-change = ↩️ الإجابات قبل التغيير: { $names }
rsvp-coming = سأحضر
rsvp-not-coming = لن أحضر
rsvp-maybe = ربما
meeting-closed = ⌛ هذا الاجتماع بدأ أو أُلغي.
meeting-ask-title = 📅 ما هذا الاجتماع؟ مثلًا: لجنة العنقود، أو اجتماع التعاونية.
meeting-ask-day = 🗓 في أي يوم؟ اضغط على يوم، أو اكتب التاريخ والوقت، مثلًا 25/12/2026 14:30.
meeting-ask-time = 🕒 في أي ساعة؟ اضغط على ساعة، أو اكتبها، مثلًا 14:30.
meeting-ask-place = 📍 أين؟ اكتب المكان، أو أرسل موقعًا على الخريطة.
meeting-ask-audience = 👥 من المدعوّ؟
btn-audience-commission = 🏛️ اللجنة
meeting-ask-reminders = ⏰ متى أذكّر الناس؟ اضغط للتغيير، ثم على ✔️ تمّ.
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
meeting-cancel-ask = 🗑 هل تريد إلغاء اجتماع { $title }؟ سيُبلَّغ كل المدعوين.
meeting-cancel-done = 🗑 أُلغي الاجتماع { $title }. سيُبلَّغ كل المدعوين.
meeting-moved-done = 🕒 الموعد الجديد لاجتماع { $title }: { $when }. سيُبلَّغ كل المدعوين.
meeting-reminded = { $count ->
        [zero] 🔔 لا يوجد أي تذكير لإرساله.
        [one] 🔔 جارٍ إرسال تذكير واحد.
        [two] 🔔 جارٍ إرسال تذكيرين.
        [few] 🔔 جارٍ إرسال { $count } تذكيرات.
        [many] 🔔 جارٍ إرسال { $count } تذكيرًا.
       *[other] 🔔 جارٍ إرسال { $count } تذكير.
    }

## الملاحظات الميدانية (وكيل التنمية)
field-note-saved = 📝 حُفظت كملاحظة ميدانية لعنقود { $cluster }. هل تريد إضافة وسم؟
btn-tag-meeting = 🤝 اجتماع
btn-tag-visit = 🚶 زيارة
btn-tag-problem = ⚠️ مشكلة
btn-tag-success = 🌟 قصة نجاح
field-note-tagged = 🏷️ الوسم: { $tag }
cluster-choose = 🌍 في أي عنقود تعمل؟
cluster-chosen = 🌍 من الآن ستذهب ملاحظاتك الميدانية إلى { $cluster }.
notes-title = 📝 آخر الملاحظات الميدانية لعنقود { $cluster }:
notes-none = 📝 لا توجد ملاحظات ميدانية بعد. أرسل لي رسالة مكتوبة، أو رسالة صوتية، أو صورة، أو مستندًا، أو موقعًا.
btn-note-document = 📄 مستند
btn-note-location = 📍 موقع

## التصدير (وكيل التنمية)
btn-export = 📤 تصدير
export-choose-dataset = 📤 أي بيانات تريد؟
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
cmd-report = الإبلاغ عن تقدّم عمل مشترك
cmd-progress = تقدّم الأعمال المشتركة (المسؤولون، CDA)
cmd-actions = خطة العمل (CDA)
cmd-meeting = جدولة اجتماع (المسؤولون، CDA)
cmd-meetings = الاجتماعات القادمة والإجابات (المسؤولون، CDA)
cmd-notes = آخر الملاحظات الميدانية (CDA)
cmd-cluster = اختيار العنقود الذي تعمل فيه (CDA)
cmd-export = تصدير البيانات كجدول بيانات (CDA)

## الصوت في كل خطوة، خط إلى وكيل التنمية، البوت يتكلم (التذكرة 12)
btn-ask-cda = 🙋 سؤال وكيل التنمية
cmd-ask = سؤال إلى وكيل تنمية العنقود
cmd-questions = أسئلة الأعضاء (CDA)
cmd-names = أسماء قيلت بالصوت (CDA)
ask-prompt = 🙋 سؤال إلى وكيل تنمية العنقود: بالكتابة أو برسالة صوتية 🎤.
ask-sent = 📨 وصل السؤال إلى وكيل التنمية. سيأتي الجواب هنا.
ask-kept = 📥 السؤال محفوظ لوكيل التنمية، والجواب سيأتي هنا.
ask-question = 🙋 سؤال من { $who } ({ $cluster }):
ask-question-voice = 🎤 رسالة صوتية: استمع إليها في الأعلى.
ask-reply-hint = ↩️ للإجابة، ردّ على هذه الرسالة بنص أو بصوت.
ask-answer = 💬 جواب وكيل التنمية { $cda }:
ask-answer-how = ↩️ يُرجى الرد بنص أو برسالة صوتية.
ask-answer-sent = 📨 جوابك في الطريق إلى { $name }.
questions-title = 🙋 أسئلة أعضاء { $cluster } (↩️ للإجابة):
questions-none = لا توجد أسئلة بعد.
question-waiting = ⏳ في انتظار الجواب
question-answered = ✔️ أجاب { $cda }
names-title = 🎤 أعضاء { $cluster } الذين قالوا أسماءهم بالصوت:
names-none = لا أحد قال اسمه بالصوت.
names-type = ✍️ اكتب اسم هذا العضو.
names-saved = ✔️ حُفظ الاسم: { $name }
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
consent-short = 🔒 للمشاركة في { $cluster }، أحفظ الاسم واللغة والجنس والتعاونية والإجابات لوكيل تنمية العنقود. للاطلاع عليها: /mydata. لحذفها: /forget.
btn-more = ℹ️ المزيد
help-title = ❓ ما المطلوب؟
