import type { AppStrings } from './types';

export const ms = {
  sheets: { activities: 'Aktiviti', quotas: 'Kuota', team: 'Pasukan', settings: 'Tetapan', status: 'Status' },
  archive: 'Arkib',
  menu: {
    openSidebar: 'Rekod aktiviti',
    setUp: 'Sediakan buku kerja',
    sampleData: 'Masukkan data contoh',
    refresh: 'Muat semula status',
    dailyToggle: 'Hidupkan/matikan muat semula harian',
    compact: 'Mampatkan log…',
  },
  notices: {
    compactAsk:
      'Gabungkan entri yang bertarikh sebelum hari apa (YYYY-MM-DD)? Biarkan kosong untuk {date}, permulaan suku tahun sebelumnya. Entri sehari bagi seorang jurujual dan satu aktiviti menjadi satu baris dengan jumlahnya; baris asal disalin ke helaian arkib terlebih dahulu.',
    compactBadDate:
      '"{value}" bukan hari sebelum hari ini: taipkan dalam bentuk YYYY-MM-DD. Tiada apa-apa yang diubah.',
    compacted: '{entries} entri digabungkan menjadi {rows} baris; baris asal ada dalam {sheet}.',
    compactNothing:
      'Tiada apa-apa untuk dimampatkan: tiada hari sebelum {date} yang mempunyai lebih daripada satu entri bagi jurujual dan aktiviti yang sama. Tiada apa-apa yang diubah.',
    compactKept:
      '{count} baris sebelum {date} dibiarkan seperti asal: baris itu mengandungi sesuatu di sebelah entri, atau tidak dapat dibaca.',
    rolledUp: '{count} entri digabungkan',
    archiveTitle: 'Baris yang digabungkan oleh Mampatkan log, disalin ke sini seperti asal.',
    busy: 'Orang lain sedang menyimpan sekarang. Tiada apa-apa yang diubah; cuba lagi sebentar nanti.',
    setUpBoth:
      'Sediakan: {created} telah dicipta, dan lajur yang tiada telah ditambah pada {sheets}. Data sedia ada tidak disentuh.',
    setUpCompleted: 'Sediakan: lajur yang tiada telah ditambah pada {sheets}. Data sedia ada tidak disentuh.',
    setUpCreated: 'Penyediaan selesai: {created} telah dicipta. Data sedia ada tidak diusik.',
    setUpNothing: 'Buku kerja ini sudah disediakan; tiada apa-apa yang diubah.',
    sampleInserted:
      'Data contoh ditambah: {reps} jurujual, {rows} baris aktiviti dan {quotas} kuota, bertarikh sekitar {today}.',
    sampleNotEmpty:
      'Data contoh hanya dimasukkan ke dalam buku kerja yang kosong: helaian {sheet} sudah mempunyai data, jadi tiada apa-apa yang ditambah.',
    refreshed: 'Status dimuat semula setakat {date}: {rows} baris.',
    refreshProblems: '{count} baris telah dilangkau; lihat senarai di bawah papan status pada helaian {sheet}.',
    problemsTitle: 'Baris yang dilangkau',
    problemRow: 'Helaian {sheet}, baris {row}: {message}',
    boardCut:
      'Papan status dipotong pada baris {row}: {cell} mengandungi data yang tidak ditulis oleh Activity Quota, dan ia dibiarkan. Alihkannya untuk melihat kesemua {rows} baris.',
    duplicateQuota:
      'julat kuota, baris {row}: jurujual, aktiviti dan tarikh sama seperti baris {other}; baris yang lebih bawah diguna pakai, jadi padamkan salah satu daripadanya',
    missingSheet: 'Helaian {sheet} belum wujud: pilih "{setUp}" dahulu.',
    dailyOn:
      'Muat semula harian dihidupkan: setiap pagi tarikh rujukan dialihkan ke hari ini dan papan status dibina semula.',
    dailyOff: 'Muat semula harian dimatikan.',
    dailyOffOther:
      'Muat semula harian dimatikan. {owner} telah menghidupkannya; pencetus itu akan berhenti sendiri pada larian seterusnya.',
    dailyOffSomeone:
      'Muat semula harian dimatikan. Pengguna lain telah menghidupkannya; pencetus itu akan berhenti sendiri pada larian seterusnya.',
    failed: 'Tindakan itu tidak berjaya: {message}. Anda boleh mencuba lagi dengan selamat.',
  },
} as const satisfies AppStrings;
