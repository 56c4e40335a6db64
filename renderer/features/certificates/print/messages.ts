import { defineMessages } from '../../../i18n/define';

/**
 * Text of the printable certificate. The certificate is printed in its own language (the
 * template's), which may differ from the interface language, so CertificatePage formats these
 * with the certificate's locale; the save/print messages at the end are interface text.
 */
export const certificatePrintMessages = defineMessages({
  en: {
    'certificatePrint.certifies': 'This certifies that',
    'certificatePrint.dates': 'Dates',
    'certificatePrint.hours': 'Hours',
    'certificatePrint.hoursValue': '{hours, plural, one {# hour} other {# hours}}',
    'certificatePrint.place': 'Place',
    'certificatePrint.course': 'Course',
    'certificatePrint.issuedOn': 'Issued on {date}',
    'certificatePrint.validUntil': 'Valid until {date}',
    'certificatePrint.serial': 'Serial number',
    'certificatePrint.verifyOnline': 'Verify online',
    'certificatePrint.verifyOffline': 'Verify offline: scan with the Apogee app, no network needed',
    'certificatePrint.qrLink': 'QR code with the verification link {url}',
    'certificatePrint.qrCredential': 'QR code carrying the whole signed certificate',
    'certificatePrint.preparing': 'Preparing the certificate…',
    'certificatePrint.print': 'Print or save as PDF',
    'certificatePrint.notFound': 'There is no certificate {id} on this device. It may not have synced yet.',
    'certificatePrint.loadFailed': 'The certificate could not be shown: {reason}',
    'certificatePrint.saveFailed': 'The PDF could not be made: {reason}',
  },
  zh: {
    'certificatePrint.certifies': '兹证明',
    'certificatePrint.dates': '日期',
    'certificatePrint.hours': '学时',
    'certificatePrint.hoursValue': '{hours, number} 学时',
    'certificatePrint.place': '地点',
    'certificatePrint.course': '课程',
    'certificatePrint.issuedOn': '颁发日期：{date}',
    'certificatePrint.validUntil': '有效期至：{date}',
    'certificatePrint.serial': '证书编号',
    'certificatePrint.verifyOnline': '在线验证',
    'certificatePrint.verifyOffline': '离线验证：用 Apogee 应用扫描，无需联网',
    'certificatePrint.qrLink': '含验证链接 {url} 的二维码',
    'certificatePrint.qrCredential': '含完整签名证书的二维码',
    'certificatePrint.preparing': '正在准备证书…',
    'certificatePrint.print': '打印或另存为 PDF',
    'certificatePrint.notFound': '本设备上没有证书 {id}，可能尚未同步。',
    'certificatePrint.loadFailed': '无法显示证书：{reason}',
    'certificatePrint.saveFailed': '无法生成 PDF：{reason}',
  },
  ar: {
    'certificatePrint.certifies': 'نشهد بأنّ',
    'certificatePrint.dates': 'التواريخ',
    'certificatePrint.hours': 'الساعات',
    'certificatePrint.hoursValue':
      '{hours, plural, zero {# ساعة} one {ساعة واحدة} two {ساعتان} few {# ساعات} many {# ساعة} other {# ساعة}}',
    'certificatePrint.place': 'المكان',
    'certificatePrint.course': 'الدورة',
    'certificatePrint.issuedOn': 'تاريخ الإصدار: {date}',
    'certificatePrint.validUntil': 'صالحة حتى: {date}',
    'certificatePrint.serial': 'الرقم التسلسلي',
    'certificatePrint.verifyOnline': 'التحقق عبر الإنترنت',
    'certificatePrint.verifyOffline': 'التحقق دون اتصال: امسح الرمز بتطبيق Apogee، لا حاجة إلى الشبكة',
    'certificatePrint.qrLink': 'رمز QR يحمل رابط التحقق {url}',
    'certificatePrint.qrCredential': 'رمز QR يحمل الشهادة الموقّعة كاملة',
    'certificatePrint.preparing': 'جارٍ تجهيز الشهادة…',
    'certificatePrint.print': 'اطبع أو احفظ بصيغة PDF',
    'certificatePrint.notFound': 'لا توجد الشهادة {id} على هذا الجهاز. ربما لم تُزامَن بعد.',
    'certificatePrint.loadFailed': 'تعذّر عرض الشهادة: {reason}',
    'certificatePrint.saveFailed': 'تعذّر إنشاء ملف PDF: {reason}',
  },
});

/** A message of the printable certificate. */
export type CertificatePrintMessageId = keyof typeof certificatePrintMessages.en;
