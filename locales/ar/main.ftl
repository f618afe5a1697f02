## clusterbot — العربية
## المفاتيح مجمّعة حسب الميزة. كل مفتاح موجود في كل لغة وبالمتغيّرات نفسها.

## الانضمام (/start)
start-no-code = 👋 مرحبًا! أجمع أخبار العمل الميداني لشبكات العناقيد: تقدّم الأعمال المشتركة، واستبيانات قصيرة، وتذكيرات بالاجتماعات.
    للانضمام، اطلب رابط دعوة من وكيل تنمية العنقود (CDA) ثم افتحه.
start-invalid-code = ❌ رمز الدعوة هذا غير صالح. يُرجى التأكد من الرابط، أو طلب رابط جديد من وكيل التنمية (CDA).
start-expired = ⌛ انتهت صلاحية هذه الدعوة. يُرجى طلب دعوة جديدة من وكيل التنمية (CDA).
start-used-up = 🚫 استُعملت هذه الدعوة كل المرات المسموح بها. يُرجى طلب دعوة جديدة من وكيل التنمية (CDA).
start-already-member = 💡 أنت عضو في { $cluster } بالفعل.
start-added-cluster = ✅ أنت الآن في { $cluster } أيضًا، بصفة { $role }.

## التسجيل
onboarding-welcome = 👋 أهلًا وسهلًا! هذه دعوة لك للانضمام إلى { $cluster }.
lang-choose = 🌐 يُرجى اختيار اللغة:
consent-ask = 🔒 للمشاركة في { $cluster }، سأحفظ اسمك ولغتك وجنسك (إن ذكرته)، وتعاونيتك وإجاباتك. يستعملها وكيل تنمية العنقود لمتابعة عمل العنقود. يمكنك رؤيتها بالأمر /mydata وحذفها بالأمر /forget في أي وقت.
    هل توافق؟
btn-agree = ✅ أوافق
btn-decline = ❌ لا، شكرًا
consent-declined = 👍 مفهوم. لم أحفظ أي شيء عنك. إذا غيّرت رأيك، افتح رابط الدعوة مرة أخرى.
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
help-member = ❓ يمكنك استعمال الأزرار، أو هذه الأوامر:
    القائمة الرئيسية: /menu
    ما نحفظه عنك: /mydata
    تغيير اللغة: /language
    حذف بياناتك الشخصية: /forget
help-cda = إنشاء رابط دعوة لمنتج أو مسؤول تعاونية أو وكيل تنمية: /invite
lang-changed = ✅ من الآن فصاعدًا سأكتب لك بالعربية.

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
forget-done = ✅ حُذفت بياناتك الشخصية. مع السلامة! للانضمام من جديد، يُرجى طلب دعوة جديدة من وكيل التنمية (CDA).
forget-kept = 👍 لم يُحذف أي شيء.
forget-nothing = 💡 لا توجد بيانات شخصية عنك لحذفها.

## الدعوات المُنشأة في المحادثة (وكيل التنمية)
invite-choose-role = ➕ لمن هذه الدعوة؟
btn-role-producer = 🧑‍🌾 منتج
btn-role-leader = 👩‍💼 مسؤول تعاونية
btn-role-cda = 🧭 وكيل (CDA)
invite-choose-cluster = 🌍 أي عنقود؟
invite-choose-coop = 🏠 أي تعاونية؟
invite-created = ✅ دعوة لشخص بصفة { $role } في { $cluster }:
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
group-private-only = 💬 يُرجى التحدث معي في محادثة خاصة: اضغط على اسمي، ثم على «ابدأ» (Start).

## قائمة الأوامر
cmd-start = البدء، أو الانضمام بدعوة
cmd-menu = القائمة الرئيسية
cmd-mydata = ما يُحفظ عني
cmd-language = تغيير اللغة
cmd-help = مساعدة
cmd-forget = حذف بياناتي الشخصية
cmd-invite = إنشاء دعوة (CDA)
