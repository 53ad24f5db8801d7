<?php
// The pages of a refresh (qbservicebench's capture, a file each in DIR)
// read with PHP's SimpleXML (libxml2), each item's values taken as the
// service takes them; the best of RUNS reads. Prints the items read, the
// MD5 of their values one line each (to show every reader took the same
// data), and the time an item in microseconds.
//   php simplexml.php DIR RUNS
[$dir, $runs] = [$argv[1], (int) $argv[2]];
$pages = array_map('file_get_contents', glob("$dir/*.xml"));
$best = INF;
for ($r = 0; $r < $runs; $r++) {
    $lines = [];
    $began = hrtime(true);
    foreach ($pages as $page) {
        $root = simplexml_load_string($page);
        if ($root === false) {
            fwrite(STDERR, "a page is not XML\n");
            exit(1);
        }
        foreach ($root->QBXMLMsgsRs->children() as $rs) {
            foreach (['ItemServiceRet' => 'Service', 'ItemOtherChargeRet' => 'OtherCharge'] as $ret => $kind) {
                foreach ($rs->$ret as $it) {
                    $desc = (string) $it->SalesOrPurchase->Desc;
                    if ($desc === '') {
                        $desc = (string) $it->SalesAndPurchase->SalesDesc;
                    }
                    $active = isset($it->IsActive) ? strtolower(trim((string) $it->IsActive)) : 'true';
                    $lines[] = implode('|', [$kind, (string) $it->ListID, (string) $it->EditSequence, (string) $it->Name,
                        (string) $it->FullName, $active, $desc]);
                }
            }
        }
    }
    $best = min($best, hrtime(true) - $began);
}
printf("%d %s %.3f\n", count($lines), md5(implode("\n", $lines)), $best / 1000 / max(1, count($lines)));
