app-name = كلنا معك
app-tagline = نحن جميعًا إلى جانبكِ
app-version = الإصدار { $version }
language-label = اللغة
status-heading = هذا الجهاز
status-loading = جارٍ التحقق…
status-storage-ready = التخزين على هذا الجهاز جاهز ومحمي
status-storage-version = إصدار التخزين { $version }
home-waiting = { $count ->
    [zero] لا شيء في انتظار الإرسال
    [one] عنصر واحد في انتظار الإرسال
    [two] عنصران في انتظار الإرسال
    [few] { $count } عناصر في انتظار الإرسال
    [many] { $count } عنصرًا في انتظار الإرسال
   *[other] { $count } عنصر في انتظار الإرسال
}
service-reachable = خدمة الاستماع متاحة
service-unreachable = تعذّر الوصول إلى خدمة الاستماع الآن. كل شيء محفوظ بأمان على هذا الجهاز.
service-unknown = لم يتم الاتصال بخدمة الاستماع بعد
service-not-configured = لم تُضبط أي خدمة استماع على هذا الجهاز
error-storage = تعذّر فتح التخزين على هذا الجهاز. لم يُحذف أي شيء.
error-generic = حدث خطأ. يُرجى المحاولة مرة أخرى.
panic-button = نجدة
panic-button-label = زر الإنذار: اضغطي مطوّلًا لمدة ثانيتين لإرسال إنذار
panic-hold-hint = اضغطي مطوّلًا لمدة ثانيتين
panic-countdown = { $count ->
    [zero] يُرسَل الإنذار الآن
    [one] يُرسَل الإنذار بعد ثانية واحدة
    [two] يُرسَل الإنذار بعد ثانيتين
    [few] يُرسَل الإنذار بعد { $count } ثوانٍ
    [many] يُرسَل الإنذار بعد { $count } ثانية
   *[other] يُرسَل الإنذار بعد { $count } ثانية
}
panic-cancel = إلغاء
panic-sending = جارٍ حفظ الإنذار…
panic-saved = حُفظ الإنذار على هذا الهاتف. سيُرسَل فور توفّر الاتصال.
panic-failed = تعذّر حفظ الإنذار. اتصلي بالرقم 19 (الشرطة) أو 8350.
pin-setup-heading = احمي هذا التطبيق برمز سري
pin-setup-hint = بدون رمزك السري لا يستطيع أحد قراءة ما تكتبينه هنا. زر النجدة يعمل حتى والتطبيق مقفل.
pin-label = الرمز السري
pin-again-label = الرمز السري نفسه مرة أخرى
pin-save = حفظ الرمز السري
pin-too-short = يتكوّن الرمز السري من 4 أحرف على الأقل
pin-mismatch = الرمزان غير متطابقين
unlock-heading = أدخلي رمزك السري
unlock-button = فتح
wrong-pin = رمز سري خاطئ
pin-wait = { $count ->
    [zero] محاولات كثيرة. حاولي الآن.
    [one] محاولات كثيرة. انتظري ثانية واحدة.
    [two] محاولات كثيرة. انتظري ثانيتين.
    [few] محاولات كثيرة. انتظري { $count } ثوانٍ.
    [many] محاولات كثيرة. انتظري { $count } ثانية.
   *[other] محاولات كثيرة. انتظري { $count } ثانية.
}
lock-heading = التطبيق مفتوح
lock-button = قفل الآن
quick-exit = خروج
quick-exit-label = خروج سريع: إخفاء التطبيق فورًا (مفتاح Escape)
disguise-toggle = فتح التطبيق في شكل آلة حاسبة
disguise-hint = للعودة من الآلة الحاسبة، اكتبي رمزك السري ثم =
report-open = الإبلاغ عن عنف
report-heading = احكي ما حدث
report-saved = محفوظ على هذا الهاتف ومشفّر
report-violence = ما نوع العنف؟ يمكنك اختيار أكثر من نوع.
violence-physical = جسدي
violence-sexual = جنسي
violence-psychological = نفسي (تهديد، سبّ، تحرّش)
violence-economic = اقتصادي (أخذ المال أو العمل أو الوثائق)
violence-digital = رقمي (صور، رسائل، ملاحقة عبر الإنترنت)
report-when = متى حدث ذلك؟
report-region = الجهة
report-region-none = اختاري جهة
report-place = المدينة أو المكان (اختياري)
report-danger = شخص في خطر الآن
report-children = أطفال في خطر
report-relation = من فعل بك هذا؟
relation-none = اختاري
relation-partner = الزوج أو الشريك
relation-former_partner = الزوج أو الشريك السابق
relation-family = شخص من العائلة
relation-acquaintance = شخص أعرفه
relation-work = المشغّل أو زميل في العمل
relation-stranger = شخص غريب
relation-not_said = أفضّل ألا أقول
report-text = ما حدث، بكلماتك
voice-heading = أو قوليها في رسالة صوتية
voice-record = تسجيل رسالة صوتية
voice-starting = جارٍ تشغيل الميكروفون…
voice-stop = إيقاف والاحتفاظ بها
voice-saving = جارٍ حفظ رسالتك الصوتية بأمان…
voice-saved = رسالتك الصوتية ({ $length }) محفوظة مع هذا البلاغ، مقفلة على هذا الهاتف.
voice-listen = الاستماع إليها
voice-delete = حذف الرسالة الصوتية
voice-unsupported = التسجيل غير ممكن على هذا الهاتف. يمكنك الكتابة بدلا من ذلك.
voice-no-microphone = تعذّر استعمال الميكروفون. يمكنك الكتابة بدلا من ذلك.
voice-failed = تعذّر حفظ الرسالة الصوتية. حاولي مرة أخرى.
consent-contact = يمكن لمستمعة أن تتصل بي
report-phone = رقم الهاتف للاتصال
report-safe-times = متى يكون الاتصال بك آمنًا؟
consent-referral = أوافق على توجيهي إلى مصلحة يمكنها مساعدتي
refer-prosecutor = خلية التكفل بالنساء لدى النيابة العامة
refer-police = الشرطة
refer-gendarmerie = الدرك الملكي
refer-health = وحدة صحية
refer-shelter = مركز إيواء
refer-legal_aid = مساعدة قانونية
refer-association = جمعية
consent-statistics = يمكن احتساب ما أرسله في إحصاءات مجهولة الهوية
report-submit = إرسال البلاغ
report-close = حفظ وإغلاق
report-discard = حذف هذا البلاغ
report-sent = بلاغك محفوظ وسيُرسَل فور توفّر الاتصال.
resume-heading = هل تريدين متابعة بلاغك؟
resume-continue = متابعة
resume-discard = حذفه
region-01 = طنجة تطوان الحسيمة
region-02 = الشرق
region-03 = فاس مكناس
region-04 = الرباط سلا القنيطرة
region-05 = بني ملال خنيفرة
region-06 = الدار البيضاء سطات
region-07 = مراكش آسفي
region-08 = درعة تافيلالت
region-09 = سوس ماسة
region-10 = كلميم واد نون
region-11 = العيون الساقية الحمراء
region-12 = الداخلة وادي الذهب
send-now = أرسلي الآن
sync-last-contact = { $count ->
    [zero] آخر اتصال بالخدمة: الآن
    [one] آخر اتصال بالخدمة: قبل دقيقة واحدة
    [two] آخر اتصال بالخدمة: قبل دقيقتين
    [few] آخر اتصال بالخدمة: قبل { $count } دقائق
    [many] آخر اتصال بالخدمة: قبل { $count } دقيقة
   *[other] آخر اتصال بالخدمة: قبل { $count } دقيقة
}
sync-never = لم يتم الاتصال بالخدمة بعد
sync-upload = جارٍ إرسال عنصر كبير (رسالة صوتية): { $percent }٪
sync-problem-not_configured = لم تُضبط أي خدمة على هذا الجهاز.
sync-problem-no_connection = لا يوجد اتصال. كل شيء محفوظ بأمان على هذا الهاتف وسيُرسَل عند عودة الاتصال.
sync-problem-service_unreachable = الخدمة لا تجيب الآن. نواصل المحاولة.
sync-problem-service_busy = الخدمة مشغولة. سنحاول بعد قليل.
sync-problem-item_refused = رفضت الخدمة عنصرًا واحدًا؛ يبقى على هذا الهاتف. يُرسَل كل ما تبقّى.
sync-problem-service_key_changed = تقدّم الخدمة مفتاحًا مختلفًا. لن يُرسَل شيء قبل التحقق. اتصلي بالرقم 8350.
sync-problem-device_refused = الخدمة لا تقبل هذا الهاتف. اتصلي بالرقم 8350 للمساعدة.
sync-problem-directory_refused = تحديث للدليل لم يكن أصليًا فتم تجاهله. دليلك محفوظ.
sync-problem-incompatible = لا يستطيع هذا التطبيق التواصل مع هذه الخدمة. حدّثي التطبيق أو تحققي من عنوان الخدمة.
sync-problem-storage = فشل التخزين على هذا الهاتف؛ ربما هو ممتلئ.
safety-heading = الأمان
change-pin-heading = تغيير رمزك السري
pin-current-label = رمزك السري الحالي
change-pin-button = تغيير الرمز السري
pin-changed = تم تغيير رمزك السري
duress-heading = رمز الإكراه
duress-hint = رمز سري ثانٍ لحالة إجبارك على فتح التطبيق: يفتح تطبيقًا فارغًا يبدو عاديًا.
duress-wipe-toggle = امسحي كل شيء أيضًا عند استعمال هذا الرمز
duress-save = حفظ رمز الإكراه
duress-saved = تم حفظ رمز الإكراه
wipe-heading = مسح كل شيء
wipe-hint = يحذف كل ما يحتفظ به التطبيق على هذا الهاتف. لا يمكن التراجع عن ذلك.
wipe-button = مسح كل شيء
wipe-countdown = { $count ->
    [zero] المسح الآن
    [one] المسح بعد ثانية واحدة
    [two] المسح بعد ثانيتين
    [few] المسح بعد { $count } ثوانٍ
    [many] المسح بعد { $count } ثانية
   *[other] المسح بعد { $count } ثانية
}
support-open = مساعدة في العمل أو التكوين أو مشروع
support-heading = اطلبي المساعدة في العمل أو التكوين أو مشروع
support-topic = في أي شيء تحتاجين المساعدة؟
topic-job = إيجاد عمل
topic-training = تكوين
topic-vocational_training = تكوين مهني
topic-business = إنشاء مقاولة
topic-income_generating_project = مشروع مدرّ للدخل
topic-other = شيء آخر
support-age = عمرك
age-under_18 = أقل من 18 سنة
age-18_24 = من 18 إلى 24 سنة
age-25_34 = من 25 إلى 34 سنة
age-35_49 = من 35 إلى 49 سنة
age-50_plus = 50 سنة فأكثر
support-schooling = المستوى الدراسي
schooling-none = بدون تمدرس
schooling-primary = المدرسة الابتدائية
schooling-secondary = الإعدادي أو الثانوي
schooling-vocational = التكوين المهني
schooling-university = الجامعة
support-text = ماذا تعرفين أن تفعلي، وماذا تريدين أن تفعلي؟
support-submit = إرسال الطلب
support-sent = طلبك محفوظ وسيُرسَل فور توفّر الاتصال.
cases-heading = بلاغاتي وطلباتي
cases-none = لم يُرسَل شيء بعد
case-kind-alert = إنذار
case-kind-report = بلاغ
case-kind-support_request = طلب مساعدة في العمل أو التكوين
case-kind-intake = استقبال في مركز
case-status-waiting = في انتظار الإرسال
case-status-sent = أُرسِل
case-status-acknowledged = استلمته مستمعة
case-status-referred = وُجِّه إلى مصلحة
case-status-closed = أُغلِق
case-message = رسالة من المستمعة:
call-heading = اتصلي الآن
call-line = خط الاستماع للنساء
call-police = الشرطة
call-gendarmerie = الدرك الملكي
call-civil = الوقاية المدنية (حريق، إسعاف)

## Alert progress, first run, settings
panic-sent = أُرسل الإنذار إلى خط النساء. في انتظار مستمِعة…
panic-received = تسلّمت مستمِعة إنذارك. ابقي في أمان، ستتصرّف.
panic-refused = لم يقبل الخط هذا الإنذار. اتصلي الآن بالرقم 19 (الشرطة) أو 8350.
panic-step-saved = حُفظ
panic-step-sent = أُرسل
panic-step-received = وصل
first-run-language = اختاري لغتك
first-run-about-heading = ماذا يفعل هذا التطبيق
first-run-about-alert = زر النجدة يرسل إنذارًا إلى خط النساء حتى والتطبيق مقفل. اضغطي عليه مطوّلًا لمدة ثانيتين.
first-run-about-report = يمكنك التبليغ عن العنف بجميع أشكاله، وتحديد من يمكن إخباره.
first-run-about-support = يمكنك طلب المساعدة في الشغل أو التكوين أو إنشاء مشروع، وإيجاد العروض القريبة منك.
first-run-about-stored = ما تكتبينه يبقى على هذا الهاتف مقفلًا برمزك السري، ولا يُرسَل إلا إلى خط النساء مختومًا لا يقرؤه أحد غيره.
first-run-about-offline = يعمل بدون إنترنت: ما ترسلينه ينتظر هنا ويُرسَل فور توفّر الاتصال.
first-run-about-exit = زر الخروج، أو مفتاح Escape، يخفي التطبيق فورًا خلف آلة حاسبة.
first-run-next = التالي
first-run-skip = تخطّي والذهاب إلى التطبيق
first-run-region-heading = جهتك
first-run-region-why = تُرفَق جهتك بالإنذار عندما لا يعرف هذا الجهاز مكانك، وتُعرَض بها العروض القريبة منك.
first-run-pin-why = اختاري رمزًا سريًا حتى لا يقرأ أحد ما تكتبينه. يمكنك فعل ذلك لاحقًا أيضًا.
settings-heading = الإعدادات
settings-region = جهتك
settings-text-size = حجم الخط
settings-text-size-normal = عادي
settings-text-size-large = كبير
settings-text-size-larger = كبير جدًا
settings-auto-lock = قفل التطبيق بعد
settings-auto-lock-never = أبدًا
settings-auto-lock-minutes = { $count ->
    [zero] { $count } دقيقة دون استعمال
    [one] دقيقة واحدة دون استعمال
    [two] دقيقتين دون استعمال
    [few] { $count } دقائق دون استعمال
    [many] { $count } دقيقة دون استعمال
   *[other] { $count } دقيقة دون استعمال
}
settings-saved = حُفظ.
settings-service = عنوان الخدمة (للفرق الميدانية)
settings-service-hint = لا تغيّريه إلا إذا أعطاك مركزك عنوانًا. يجب إرسال ما لم يُرسل بعد أولًا؛ والبلاغات المرسلة تبقى لدى الخدمة القديمة.
settings-service-address = العنوان
settings-service-save = اتصال
settings-service-connecting = جارٍ الاتصال…
settings-service-saved = تم الاتصال. يستعمل التطبيق هذا العنوان الآن.
settings-service-invalid = لا يمكن استعمال هذا العنوان. يجب أن يبدأ بـ https://.
settings-service-waiting = ما زالت أشياء تنتظر الإرسال. أرسليها أولًا، ثم غيّري العنوان.
settings-service-unreachable = لم يُجب هذا العنوان. لم يتغيّر شيء.
settings-service-refused = هذا العنوان ليس خدمة كلنا معك. لم يتغيّر شيء.
settings-service-failed = لم ينجح ذلك. لم يتغيّر شيء.
unlock-opening = جارٍ الفتح… يستغرق ذلك لحظة.
panic-sms = راسلي جهات الثقة
panic-sms-body = أحتاج إلى مساعدة. اتصلي بي أو تعالي من فضلك. أنا في جهة { $region }.
panic-sms-body-no-region = أحتاج إلى مساعدة. اتصلي بي أو تعالي من فضلك.
contacts-heading = جهات الثقة
contacts-hint = حتى ثلاثة أشخاص تقترح شاشة النجدة مراسلتهم. محفوظون برمزك السري.
contacts-number = رقم الهاتف
contacts-save = حفظ جهات الثقة
contacts-saved = حُفظت جهات الثقة.
contacts-bad-number = أحد هذه ليس رقم هاتف (ثلاثة أرقام على الأكثر).
settings-about = عن التطبيق وخصوصيتك

# Her screens besides home
nav-label = صفحات التطبيق
nav-cases = بلاغاتي وطلباتي
nav-safety = الأمان
nav-settings = الإعدادات
nav-back = الرجوع إلى الرئيسية
