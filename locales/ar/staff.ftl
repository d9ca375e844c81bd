## The staff side: sign-in, queue, cases, intake, supervisor views.

staff-entry = دخول الفريق
staff-heading = المستمعات والعاملات الميدانيات
staff-back-home = العودة إلى التطبيق
staff-sign-in-heading = تسجيل الدخول إلى خدمة الاستماع
staff-sign-in-hint = للمستمعات والعاملات الميدانيات والمشرفات اللواتي لديهن حساب. يجب أن يكون التطبيق مفتوحًا برمزه السري.
staff-username = اسم المستخدم
staff-password = كلمة المرور
staff-sign-in = تسجيل الدخول
staff-sign-out = تسجيل الخروج
staff-signed-out = تم تسجيل خروجك.
staff-session-ended = انتهت جلستك (انقضت مدتها أو أُغلقت). يُرجى تسجيل الدخول من جديد.
staff-role-listener = مستمعة
staff-role-field_worker = عاملة ميدانية
staff-role-supervisor = مشرفة
staff-role-admin = مسؤولة إدارية
staff-scope-national = كل الجهات
staff-scope-region = الجهة:
staff-scope-center = المركز:
staff-tab-queue = قائمة الانتظار
staff-tab-audit = سجل المراجعة
staff-tab-stats = الإحصاءات

staff-error-wrong-credentials = اسم المستخدم أو كلمة المرور غير صحيحة.
staff-error-forbidden = حسابك غير مخوّل للقيام بهذا.
staff-error-not-found = هذا الملف غير موجود أو لا يتبع مركزك أو جهتك.
staff-error-invalid = هناك معلومة ناقصة أو غير مقبولة. تحققي من الحقول وحاولي مرة أخرى.
staff-error-refused = رفضت الخدمة: تغيّر الملف في الأثناء. افتحيه من جديد.
staff-error-wait = محاولات كثيرة. انتظري قليلًا ثم حاولي مرة أخرى.
staff-error-network = تعذّر الوصول إلى الخدمة. تحققي من الاتصال وحاولي مرة أخرى.
staff-error-locked = افتحي التطبيق برمزه السري أولًا (في الشاشة الرئيسية).
staff-error-other = حدث خطأ. حاولي مرة أخرى.

staff-queue-heading = قائمة الانتظار
staff-queue-count = { $count ->
    [zero] لا شيء في القائمة
    [one] ملف واحد
    [two] ملفان
    [few] { $count } ملفات
    [many] { $count } ملفًا
   *[other] { $count } ملف
}
staff-filter-status = الحالة
staff-filter-open = الملفات المفتوحة
staff-filter-kind = النوع
staff-filter-all = كل الأنواع
staff-status-new = جديد
staff-status-acknowledged = قيد المتابعة
staff-status-referred = تمت الإحالة
staff-status-closed = مغلق
staff-kind-alert = إنذار
staff-kind-report = تبليغ
staff-kind-intake = استقبال في المركز
staff-kind-support_request = طلب دعم
staff-minutes-ago = { $count ->
    [zero] الآن
    [one] منذ دقيقة
    [two] منذ دقيقتين
    [few] منذ { $count } دقائق
    [many] منذ { $count } دقيقة
   *[other] منذ { $count } دقيقة
}
staff-hours-ago = { $count ->
    [zero] منذ أقل من ساعة
    [one] منذ ساعة
    [two] منذ ساعتين
    [few] منذ { $count } ساعات
    [many] منذ { $count } ساعة
   *[other] منذ { $count } ساعة
}
staff-days-ago = { $count ->
    [zero] اليوم
    [one] منذ يوم
    [two] منذ يومين
    [few] منذ { $count } أيام
    [many] منذ { $count } يومًا
   *[other] منذ { $count } يوم
}
staff-region-none = الجهة غير محددة
staff-acknowledge = التكفّل
staff-open-case = فتح

staff-back-to-queue = العودة إلى القائمة
staff-received = وصل في
staff-what-she-sent = ما أرسلته
staff-voice-note = رسالتها الصوتية
staff-unreadable = تعذّرت قراءة هذا الملف.
staff-her-language = مكتوب بـ:
staff-violence = أشكال العنف
staff-happened = متى
staff-place = أين
staff-in-danger = شخص في خطر الآن
staff-children = أطفال في خطر
staff-perpetrator = من قام بذلك
staff-topic = الدعم المطلوب
staff-yes = نعم
staff-no = لا
staff-not-said = لم يُذكر
staff-consents = موافقاتها
staff-consent-services = تلقّي الخدمات
staff-consent-referral = الإحالة
staff-consent-any-service = إلى أي خدمة
staff-consent-contact = الاتصال بها
staff-consent-statistics = احتسابها في إحصاءات مجهولة الهوية
staff-no-contact = لم توافق على الاتصال بها: لا تتصلي بها.
staff-call-back = معاودة الاتصال بها
staff-call = اتصال
staff-no-phone = لم تترك رقم هاتف.
staff-safe-times = أوقات آمنة للاتصال:

staff-refer = الإحالة
staff-refer-to = الإحالة إلى
staff-refer-listing = الجهة (من الدليل)
staff-refer-listing-none = بدون تحديد جهة
staff-refer-message = رسالة قصيرة إلى هاتفها (اختياري)
staff-choose = اختاري
staff-destination-prosecutor = النيابة العامة (خلية التكفل بالنساء)
staff-destination-police = الشرطة (الأمن الوطني)
staff-destination-gendarmerie = الدرك الملكي
staff-destination-health = مصلحة صحية
staff-destination-shelter = مركز إيواء
staff-destination-legal_aid = مساعدة قانونية
staff-destination-association = جمعية
staff-destination-training_employment = جهة للتكوين أو التشغيل
staff-refer-no-consent = لم توافق على الإحالة إلى هذه الجهة. لا يمكن تجاوز ذلك إلا لمشرفة، مع ذكر السبب.
staff-refer-no-consent-supervisor = لم توافق على الإحالة إلى هذه الجهة. للإحالة رغم ذلك اكتبي السبب؛ سيُسجَّل في سجل المراجعة.
staff-override-reason = سبب تجاوز اختيارها
staff-refer-submit = إحالة
staff-referrals = الإحالات
staff-referral-in_progress = جارية
staff-referral-accepted = مقبولة
staff-referral-rejected = مرفوضة
staff-referral-revoked = ملغاة
staff-referral-done = منتهية
staff-referral-accept = مقبولة
staff-referral-mark-done = منتهية
staff-referral-reject = مرفوضة
staff-referral-revoke = إلغاء
staff-reason = السبب (إن لم تنجح)
staff-reason-refused_services = رفضت الخدمات
staff-reason-no_capacity = لا توجد طاقة استيعابية
staff-reason-no_longer_needed = لم تعد ضرورية
staff-reason-unable_to_contact_her = تعذّر الاتصال بها
staff-reason-unable_to_contact_service = تعذّر الاتصال بالجهة
staff-reason-other = سبب آخر
staff-overridden = دون موافقتها (بقرار مشرفة)

staff-note = ملاحظة للفريق
staff-note-add = إضافة الملاحظة
staff-message = رسالة إلى هاتفها
staff-message-hint = لا تراها إلا عند فتح التطبيق برمزها السري. لا تكتبي شيئًا يعرّضها للخطر إن قرأه شخص آخر.
staff-message-send = إرسال الرسالة
staff-close-case = إغلاق الملف
staff-history = السجل
staff-event-received = وصل إلى الخدمة
staff-event-acknowledge = تم التكفّل
staff-event-assign = أُسند إلى مركز
staff-event-refer = تمت الإحالة
staff-event-referral_update = تحديث الإحالة
staff-event-note = ملاحظة
staff-event-message = أُرسلت رسالة إليها
staff-event-close = أُغلق
staff-done-acknowledged = تم التكفّل. سيظهر ذلك على هاتفها.
staff-done-referred = تمت الإحالة.
staff-done-referral = تم تحديث الإحالة.
staff-done-note = أُضيفت الملاحظة.
staff-done-message = أُرسلت الرسالة.
staff-done-closed = أُغلق الملف.

staff-audit-heading = سجل المراجعة
staff-audit-hint = من فتح أي ملف أو تصرّف فيه، الأحدث أولًا.
staff-audit-when = متى
staff-audit-who = من
staff-audit-what = ماذا
staff-audit-case = الملف
staff-audit-action-case_read = فتحت الملف
staff-audit-action-acknowledge = تكفّلت
staff-audit-action-assign = أسندت إلى مركز
staff-audit-action-refer = أحالت
staff-audit-action-consent_override = تجاوزت موافقتها
staff-audit-action-referral_update = حدّثت إحالة
staff-audit-action-note = أضافت ملاحظة
staff-audit-action-message = أرسلت رسالة
staff-audit-action-close = أغلقت
staff-audit-action-device_link = ربطت جهازًا بمركز
staff-audit-action-stats_read = اطّلعت على الإحصاءات

staff-stats-heading = الإحصاءات
staff-stats-hint = فقط الملفات التي وافقت صاحباتها على احتسابها. الأعداد الأقل من 5 مخفية وتظهر «<5».
staff-stats-by-month = الملفات حسب الشهر
staff-stats-by-region = الملفات حسب الجهة
staff-stats-map-note = خريطة تخطيطية: كل مربع جهة، والشمال في الأعلى؛ كلما كان اللون أغمق كانت الملفات أكثر.
staff-stats-month = الشهر
staff-stats-region = الجهة
staff-stats-type = النوع
staff-stats-count = العدد
staff-stats-all-cells = كل الخانات (الجهة، الشهر، النوع)
staff-incident-rape = اغتصاب
staff-incident-sexual_assault = اعتداء جنسي
staff-incident-physical_assault = اعتداء جسدي
staff-incident-forced_marriage = زواج قسري
staff-incident-denial_of_resources = حرمان من الموارد
staff-incident-psychological_abuse = عنف نفسي
staff-incident-digital_violence = عنف رقمي
staff-incident-not_gbv = ليس عنفًا قائمًا على النوع
staff-incident-unspecified = غير محدد

staff-tab-intake = الاستقبال في المركز
staff-intake-heading = الاستقبال في المركز
staff-intake-hint = لامرأة جاءت إلى المركز. املئيه معها، مع الموافقات التي تعطيها. يُحفظ فورًا مختومًا، ويُرسل إلى قائمة مركزك حين يتوفر الاتصال.
staff-intake-kind = النوع
staff-intake-text = ما تقوله، بكلماتها
staff-intake-submit = حفظ الاستقبال
staff-intake-saved = حُفظ وخُتم. سيُرسل إلى قائمة المركز بمجرد توفر الاتصال.
