## الدليل: فرص الشغل والتكوين والخدمات القريبة منها.

directory-open = الشغل والتكوين والخدمات قربك
directory-heading = الشغل والتكوين والخدمات
directory-close = رجوع
directory-offline = يعمل دون إنترنت: الإعلانات محفوظة على هذا الهاتف. البحث لا يحتاج إلى الرمز السري.
directory-never = الدليل غير موجود بعد على هذا الهاتف. سيصل مع أول اتصال بالخدمة.
directory-receiving = جارٍ استلام الدليل: { $percent }٪
directory-receiving-started = جارٍ استلام الدليل…
directory-saving = جارٍ حفظ الدليل على هذا الهاتف…
directory-updated = { $count ->
    [zero] حُدِّث اليوم.
    [one] حُدِّث منذ يوم واحد.
    [two] حُدِّث منذ يومين.
    [few] حُدِّث منذ { $count } أيام.
    [many] حُدِّث منذ { $count } يومًا.
   *[other] حُدِّث منذ { $count } يوم.
}
directory-count = { $count ->
    [zero] لا توجد إعلانات.
    [one] إعلان واحد.
    [two] إعلانان.
    [few] { $count } إعلانات.
    [many] { $count } إعلانًا.
   *[other] { $count } إعلان.
}
directory-refresh = البحث عن تحديث
directory-tab-search = بحث
directory-tab-saved = المحفوظة
directory-search-label = ابحثي (كلمة، مدينة، برنامج)
directory-search-placeholder = مثلًا: تكوين، خياطة، فاس
directory-kind-label = عرض
directory-kind-all = الكل
directory-kind-opportunity = الشغل والتكوين
directory-kind-service = خدمات المساعدة
directory-category-label = الصنف
directory-category-all = كل الأصناف
directory-category-job = فرص الشغل
directory-category-training = التكوين
directory-category-vocational_training = التكوين المهني
directory-category-business_creation = إنشاء المقاولة
directory-category-income_generating = المشاريع المدرة للدخل
directory-category-financing = التمويل
directory-category-programme = البرامج الوطنية
directory-category-emergency = أرقام الطوارئ
directory-category-listening_center = مراكز الاستماع
directory-category-care_cell = خلايا التكفل بالنساء (النيابة العامة)
directory-category-police = الشرطة
directory-category-gendarmerie = الدرك الملكي
directory-category-health = الصحة
directory-category-shelter = مراكز الإيواء
directory-category-legal_aid = المساعدة القانونية
directory-category-association = الجمعيات
directory-region-label = الجهة
directory-region-all = كل الجهات
directory-loading = جارٍ البحث…
directory-results = { $count ->
    [zero] لا نتيجة
    [one] إعلان واحد
    [two] إعلانان
    [few] { $count } إعلانات
    [many] { $count } إعلانًا
   *[other] { $count } إعلان
}
directory-empty = لا شيء يطابق بحثك. جرّبي كلمات أخرى، أو امسحي عوامل التصفية.
directory-empty-never = لا توجد إعلانات على هذا الهاتف بعد. اتصلي بالإنترنت مرة واحدة لتصلك.
directory-clear = مسح عوامل التصفية
directory-error = تعذّرت قراءة الدليل على هذا الهاتف.
directory-not-found = هذا الإعلان لم يعد في الدليل.
directory-sample = مثال: ليس إعلانًا حقيقيًا
directory-national = كل المغرب
directory-deadline = آخر أجل للترشح: { $date }
directory-closed = انتهى آخر أجل للترشح
directory-back-list = الرجوع إلى اللائحة
directory-about = نبذة
directory-eligibility = من يمكنها الترشح
directory-women-only = للنساء
directory-age-min = { $count ->
    [few] ابتداءً من { $count } سنوات
   *[other] ابتداءً من { $count } سنة
}
directory-age-max = { $count ->
    [few] حتى { $count } سنوات
   *[other] حتى { $count } سنة
}
directory-schooling = المستوى الدراسي:
directory-how-to-apply = كيف تترشحين
directory-cost = التكلفة
directory-free = مجاني
directory-not-free = بمقابل
directory-dates = التواريخ
directory-starts = يبدأ في { $date }
directory-hours = أوقات الاستقبال
directory-languages = اللغات المستعملة
directory-contact = الاتصال
directory-call = اتصلي
directory-address = العنوان:
directory-open-map = افتحي العنوان في الخريطة
directory-source = المصدر:
directory-verified = تم التحقق منه في { $date }
directory-ask = اسألي مستمِعة عن هذا
directory-ask-text = أودّ معرفة المزيد عن: { $title }
directory-ask-sent = سؤالك محفوظ وسيُرسَل إلى مستمِعة فور توفّر الاتصال.
directory-save = حفظ
directory-unsave = إزالة من المحفوظة
directory-saved-ok = حُفظ على هذا الهاتف، محميًّا برمزك السري.
directory-unsaved-ok = أُزيل من إعلاناتك المحفوظة.
directory-save-locked = لحفظ الإعلانات، اختاري رمزًا سريًا في الشاشة الرئيسية وافتحي التطبيق به.
directory-saved-none = لم تحفظي أي إعلان بعد.
directory-saved-locked = تظهر إعلاناتك المحفوظة عندما يكون التطبيق مفتوحًا برمزك السري.
